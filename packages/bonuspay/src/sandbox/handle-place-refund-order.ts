import type { LoopbackResponse } from '@refunds/core/sandbox';
import type { BonusPayAsset } from '../bonuspay-assets';
import type { AuthenticatedBizContent } from './authenticate-sandbox-request';
import { isIdenticalRetry } from './is-identical-retry';
import { readSandboxPlaceRefundOrder } from './read-sandbox-place-refund-order';
import type { SandboxAnswers } from './sandbox-answers';
import type { SandboxLedger, SandboxRefund } from './sandbox-ledger';
import { writeSandboxRefundOrder, writeSandboxRefundSummary } from './write-sandbox-refund-order';

export interface PlaceRefundOrderContext {
  ledger: SandboxLedger;
  answers: SandboxAnswers;
  assets: Readonly<Record<string, BonusPayAsset>>;
  duplicateCheck: 'before-amount' | 'after-amount';
  identicalRetry: 'original-order' | 'refuse';
  /** The read lag now: how long a refund executed now stays invisible to getOrder. */
  readLagMs(): number;
  /** Called with each refund created, to schedule its settlement. */
  created(refund: SandboxRefund): void;
}

/**
 * `crypto/refund/placeOrder`: the business checks of reference B9.4, then a CREATED refund. An exact retry of a
 * refund number is answered with the refund it created, executing nothing; 77013 is for the same number with
 * different parameters.
 */
export function handlePlaceRefundOrder(
  content: AuthenticatedBizContent,
  context: PlaceRefundOrderContext,
): LoopbackResponse {
  const { ledger, answers } = context;
  const read = readSandboxPlaceRefundOrder(content, context.assets);
  if ('problem' in read) return answers.invalidParameter(read.problem);
  const { request } = read;

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
  if (request.amount.currency !== order.amount.currency) {
    return answers.invalidParameter({
      field: 'amount.currency',
      rule: `the order was paid in ${order.amount.currency}`,
    });
  }
  // "Required for chain payment".
  if (
    order.chainCode !== undefined &&
    (request.chainCode === undefined || request.refundAddress === undefined)
  ) {
    return answers.invalidParameter({
      field: request.chainCode === undefined ? 'chainCode' : 'refundAddress',
      rule: `is required for a chain payment (this order was paid on ${order.chainCode}): send chainCode and refundAddress`,
    });
  }

  const existing = ledger.refundByMerchantOrderNo(request.refundMerchantOrderNo);
  const reuse = (): LoopbackResponse | undefined => {
    if (existing === undefined) return undefined;
    if (context.identicalRetry === 'original-order' && isIdenticalRetry(existing, request, order)) {
      return answers.success({
        refundOrder: writeSandboxRefundOrder(existing),
        refundSummary: writeSandboxRefundSummary(existing, ledger),
      });
    }
    return answers.refusal('77013', 'REFUND_MERCHANT_ORDER_NO_EXIST');
  };
  const exceeded = !ledger.canRefund(order, request.amount.amount);
  const exceededAnswer = () => answers.refusal('77005', 'REFUND_AMOUNT_EXCEEDED');
  if (context.duplicateCheck === 'before-amount') {
    const reused = reuse();
    if (reused !== undefined) return reused;
    if (exceeded) return exceededAnswer();
  } else {
    // The balance first: an exact retry of a refund that took the whole balance is refused with 77005.
    if (exceeded) return exceededAnswer();
    const reused = reuse();
    if (reused !== undefined) return reused;
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
    visibleFrom: Date.now() + context.readLagMs(),
  });
  context.created(refund);
  return answers.success({
    refundOrder: writeSandboxRefundOrder(refund),
    refundSummary: writeSandboxRefundSummary(refund, ledger),
  });
}
