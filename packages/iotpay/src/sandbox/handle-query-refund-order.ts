import type { LoopbackResponse } from '@refunds/core/sandbox';
import { authenticateMerchant, type SandboxMerchant } from './authenticate-merchant';
import type { IotPaySandboxOptions } from './iotpay-sandbox-options';
import { isBlank, type SandboxParams } from './read-sandbox-params';
import { communicationFailure, signedAnswer } from './sandbox-answers';
import type { SandboxState } from './sandbox-state';

/**
 * The refund query, modelled on XxPay's QueryRefundOrderController: an unknown refund is `retCode: FAIL`; a known
 * one is signed, every value a string except refundSuccTime (ms, or '' while unsettled).
 */
export function handleQueryRefundOrder(
  params: SandboxParams,
  merchant: SandboxMerchant,
  state: SandboxState,
  options: IotPaySandboxOptions,
): LoopbackResponse {
  if (isBlank(params.mchRefundNo) && isBlank(params.refundOrderId)) {
    return communicationFailure('request params[mchRefundNo or refundOrderId] error.');
  }
  const denied = authenticateMerchant(params, merchant);
  if (denied) return denied;
  // A refund inside its read lag is answered exactly as one that does not exist.
  const refund = state.findVisibleRefund({
    mchRefundNo: isBlank(params.mchRefundNo) ? undefined : String(params.mchRefundNo),
    refundOrderId: isBlank(params.refundOrderId) ? undefined : String(params.refundOrderId),
  });
  if (!refund) return communicationFailure('refund order does not exist');
  const namesOrder = options.refundQueryNamesOrder ?? true;
  return signedAnswer(
    {
      mchId: merchant.mchId,
      mchRefundNo: refund.mchRefundNo,
      refundAmount: refund.refundAmountCents.toString(),
      status: String(refund.status),
      channelOrderNo: refund.channelOrderNo,
      refundSuccTime: refund.refundSuccTime ?? '',
      ...(namesOrder
        ? { refundOrderId: refund.refundOrderId, payOrderId: refund.payOrderId, currency: refund.currency }
        : {}),
    },
    merchant.merchantKey,
  );
}
