import type { LoopbackResponse } from '@refunds/core/sandbox';
import type { AuthenticatedBizContent } from './authenticate-sandbox-request';
import type { SandboxAnswers } from './sandbox-answers';
import type { SandboxLedger } from './sandbox-ledger';
import { writeSandboxRefundOrder, writeSandboxRefundSummary } from './write-sandbox-refund-order';

const text = (value: unknown, limit: number): string | undefined | false => {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' && value.length <= limit ? value : false;
};

/** `crypto/refund/getOrder`: exactly one of refundMerchantOrderNo and orderNo; the refund as it is now. */
export function handleGetRefundOrder(
  content: AuthenticatedBizContent,
  context: { ledger: SandboxLedger; answers: SandboxAnswers },
): LoopbackResponse {
  const { ledger, answers } = context;
  const refundMerchantOrderNo = text(content.plain.refundMerchantOrderNo, 64);
  const orderNo = text(content.plain.orderNo, 32);
  if (
    refundMerchantOrderNo === false ||
    orderNo === false ||
    (refundMerchantOrderNo === undefined) === (orderNo === undefined)
  ) {
    return answers.gatewayError('400', 'INVALID_PARAMETER');
  }
  const refund =
    refundMerchantOrderNo !== undefined
      ? ledger.refundByMerchantOrderNo(refundMerchantOrderNo)
      : ledger.refundByOrderNo(orderNo ?? '');
  if (refund === undefined) {
    return refundMerchantOrderNo !== undefined
      ? answers.refusal('77004', 'MERCHANT_ORDER_NO_NOT_EXIST')
      : answers.refusal('77016', 'ORDER_NO_NOT_EXIST');
  }
  return answers.success({
    refundOrder: writeSandboxRefundOrder(refund),
    refundSummary: writeSandboxRefundSummary(refund, ledger),
  });
}
