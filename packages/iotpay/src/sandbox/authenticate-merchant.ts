import type { LoopbackResponse } from '@refunds/core/sandbox';
import { isBlank, type SandboxParams } from './read-sandbox-params';
import { communicationFailure } from './sandbox-answers';
import { hasValidXxPaySign } from './sign-like-xxpay';

export interface SandboxMerchant {
  mchId: string;
  merchantKey: string;
  loginName: string;
}

/** XxPay's checks after the required fields: a numeric known merchant, a sign, and the sign right. */
export function authenticateMerchant(
  params: SandboxParams,
  merchant: SandboxMerchant,
): LoopbackResponse | undefined {
  const mchId = isBlank(params.mchId) ? '' : String(params.mchId);
  if (!/^\d+$/.test(mchId)) return communicationFailure('request params[mchId] error.');
  if (isBlank(params.sign)) return communicationFailure('request params[sign] error.');
  if (mchId !== merchant.mchId)
    return communicationFailure(`Can't found mchInfo[mchId=${mchId}] record in db.`);
  if (!hasValidXxPaySign(params, merchant.merchantKey)) return communicationFailure('signature error');
  return undefined;
}
