import type { LoopbackResponse } from '@refunds/core/sandbox';
import type { BonusPayAsset } from '../bonuspay-assets';
import type { AuthenticatedBizContent } from './authenticate-sandbox-request';
import { readSandboxPlaceRefundOrder } from './read-sandbox-place-refund-order';
import type { SandboxAnswers } from './sandbox-answers';
import type { SandboxLedger, SandboxRefund } from './sandbox-ledger';
import { writeSandboxRefundOrder, writeSandboxRefundSummary } from './write-sandbox-refund-order';

export interface PlaceRefundOrderContext {
  ledger: SandboxLedger;
  answers: SandboxAnswers;
  assets: Readonly<Record<string, BonusPayAsset>>;
  duplicateCheck: 'before-amount' | 'after-amount';
  /** Called with each refund created, to schedule its settlement. */
  created(refund: SandboxRefund): void;
}

/** `crypto/refund/placeOrder`: the business checks of reference B9.4, then a CREATED refund. */
export function handlePlaceRefundOrder(
  content: AuthenticatedBizContent,
  context: PlaceRefundOrderContext,
): LoopbackResponse {
  const { ledger, answers } = context;
  const request = readSandboxPlaceRefundOrder(content, context.assets);
  if (request === undefined) return answers.gatewayError('400', 'INVALID_PARAMETER');

  const order =
    request.originMerchantOrderNo !== undefined
      ? ledger.orderByMerchantOrderNo(request.originMerchantOrderNo)
      : ledger.orderByOrderNo(request.originOrderNo ?? '');
  if (order === undefined) {
    return request.originMerchantOrderNo !== undefined
      ? answers.refusal('77004', 'MERCHANT_ORDER_NO_NOT_EXIST')
      : answers.refusal('77016', 'ORDER_NO_NOT_EXIST');
  }
  if (order.status === 'FAILED') return answers.refusal('77002', 'ORDER_FAILURE');
  if (order.status === 'UNPAID') return answers.refusal('77024', 'ORDER_NOT_PAID');
  if (request.amount.currency !== order.amount.currency)
    return answers.gatewayError('400', 'INVALID_PARAMETER');
  // "Required for chain payment".
  if (
    order.chainCode !== undefined &&
    (request.chainCode === undefined || request.refundAddress === undefined)
  ) {
    return answers.gatewayError('400', 'INVALID_PARAMETER');
  }

  const duplicate = ledger.refundByMerchantOrderNo(request.refundMerchantOrderNo) !== undefined;
  const exceeded = !ledger.canRefund(order, request.amount.amount);
  const duplicateAnswer = () => answers.refusal('77013', 'REFUND_MERCHANT_ORDER_NO_EXIST');
  const exceededAnswer = () => answers.refusal('77005', 'REFUND_AMOUNT_EXCEEDED');
  if (context.duplicateCheck === 'before-amount') {
    if (duplicate) return duplicateAnswer();
    if (exceeded) return exceededAnswer();
  } else {
    if (exceeded) return exceededAnswer();
    if (duplicate) return duplicateAnswer();
  }

  const refund = ledger.addRefund({
    refundMerchantOrderNo: request.refundMerchantOrderNo,
    orderNo: ledger.nextNumber(),
    order,
    amount: request.amount,
    status: 'CREATED',
    notifyUrl: request.notifyUrl,
    operatorName: request.operatorName,
    reason: request.reason,
    reserved: request.reserved,
    chainCode: request.chainCode,
    refundAddress: request.refundAddress,
  });
  context.created(refund);
  return answers.success({
    refundOrder: writeSandboxRefundOrder(refund),
    refundSummary: writeSandboxRefundSummary(refund, ledger),
  });
}
