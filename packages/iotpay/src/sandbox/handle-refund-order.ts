import type { LoopbackResponse } from '@refunds/core/sandbox';
import { authenticateMerchant, type SandboxMerchant } from './authenticate-merchant';
import type { IotPaySandboxOptions } from './iotpay-sandbox-options';
import { findBadField, isBlank, type SandboxParams } from './read-sandbox-params';
import { businessFailure, communicationFailure, signedAnswer } from './sandbox-answers';
import type { SandboxState } from './sandbox-state';

const fieldLimits = {
  mchId: 30,
  mchRefundNo: 30,
  refundAmount: 19,
  clientIp: 32,
  loginName: 32,
  payOrderId: 64,
  device: 64,
  channelId: 24,
  currency: 3,
};
// currency was required by older docs and is absent from the current table; notifyUrl and password (legacy) are
// accepted and ignored.
const requiredFields = ['mchId', 'mchRefundNo', 'refundAmount', 'clientIp', 'loginName', 'payOrderId'];

/** POST /v1/refund_order, as IOTPay answers it (reference A3 and A11). */
export function handleRefundOrder(
  params: SandboxParams,
  merchant: SandboxMerchant,
  state: SandboxState,
  options: IotPaySandboxOptions,
): LoopbackResponse {
  const badField = findBadField(params, fieldLimits, requiredFields);
  if (badField) return badField;
  if (!/^[1-9]\d*$/.test(String(params.refundAmount)))
    return communicationFailure('request params[refundAmount] error.');
  const denied = authenticateMerchant(params, merchant);
  if (denied) return denied;
  if (String(params.loginName) !== merchant.loginName)
    return communicationFailure('request params[loginName] error.');

  const key = merchant.merchantKey;
  const order = state.orders.get(String(params.payOrderId));
  if (!order) return businessFailure('0112', 'order does not exist', key);
  if (!isBlank(params.currency) && params.currency !== order.currency) {
    return businessFailure('0014', `currency must be ${order.currency}, the order's currency`, key);
  }
  const mchRefundNo = String(params.mchRefundNo);
  const existing = state.findRefund({ mchRefundNo });
  if (existing) {
    if (options.duplicateRefundNo === 'replay') {
      return signedAnswer({ resCode: 'SUCCESS', refundOrderId: existing.refundOrderId }, key);
    }
    if (options.duplicateRefundNo === 'reject-communication') {
      return communicationFailure('request params[mchRefundNo] error. mchRefundNo already exists');
    }
    return businessFailure(options.duplicateErrorCode ?? '0014', 'mchRefundNo already exists', key);
  }
  const refund = state.addRefund(order, mchRefundNo, BigInt(String(params.refundAmount)));
  if (refund === 'exceeds') {
    return businessFailure('0014', 'refundAmount exceeds the refundable amount of the order', key);
  }
  return signedAnswer({ resCode: 'SUCCESS', refundOrderId: refund.refundOrderId }, key);
}
