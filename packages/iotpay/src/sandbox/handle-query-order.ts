import type { LoopbackResponse } from '@refunds/core/sandbox';
import { authenticateMerchant, type SandboxMerchant } from './authenticate-merchant';
import { isBlank, type SandboxParams } from './read-sandbox-params';
import { businessFailure, communicationFailure, signedAnswer } from './sandbox-answers';
import type { SandboxState } from './sandbox-state';

/** POST /v1/query_order (documented): the original payment, by payOrderId or mchOrderNo. */
export function handleQueryOrder(
  params: SandboxParams,
  merchant: SandboxMerchant,
  state: SandboxState,
): LoopbackResponse {
  if (isBlank(params.payOrderId) && isBlank(params.mchOrderNo)) {
    return communicationFailure('request params[payOrderId,mchOrderNo] error.');
  }
  const denied = authenticateMerchant(params, merchant);
  if (denied) return denied;
  const order = isBlank(params.payOrderId)
    ? [...state.orders.values()].find((candidate) => candidate.mchOrderNo === String(params.mchOrderNo))
    : state.orders.get(String(params.payOrderId));
  if (!order) return businessFailure('0112', 'order does not exist', merchant.merchantKey);
  return signedAnswer(
    {
      resCode: 'SUCCESS',
      mchId: merchant.mchId,
      payOrderId: order.payOrderId,
      mchOrderNo: order.mchOrderNo,
      channelId: order.channelId,
      currency: order.currency,
      amount: order.amountCents,
      status: 2,
      paySuccTime: order.paySuccTime,
      channelOrderNo: `42${order.payOrderId.slice(1, 27)}`,
    },
    merchant.merchantKey,
  );
}
