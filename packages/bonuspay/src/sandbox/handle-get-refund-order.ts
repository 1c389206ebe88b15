import type { LoopbackResponse } from '@refunds/core/sandbox';
import type { AuthenticatedBizContent } from './authenticate-sandbox-request';
import type { SandboxAnswers } from './sandbox-answers';
import type { SandboxLedger } from './sandbox-ledger';
import { writeSandboxRefundOrder, writeSandboxRefundSummary } from './write-sandbox-refund-order';

const text = (value: unknown, limit: number): string | undefined | false => {
  if (value === undefined || value === null || value === '') return undefined;
  return typeof value === 'string' && value.length <= limit ? value : false;
};

/**
 * `crypto/refund/getOrder`: exactly one of refundMerchantOrderNo and orderNo; the refund as it is now. A refund
 * executed less than the read lag ago is not visible yet: BonusPay's "does not exist", as a lagging read side
 * answers.
 */
export function handleGetRefundOrder(
  content: AuthenticatedBizContent,
  context: { ledger: SandboxLedger; answers: SandboxAnswers },
): LoopbackResponse {
  const { ledger, answers } = context;
  const refundMerchantOrderNo = text(content.plain.refundMerchantOrderNo, 64);
  const orderNo = text(content.plain.orderNo, 32);
  if (refundMerchantOrderNo === false) {
    return answers.invalidParameter({
      field: 'refundMerchantOrderNo',
      rule: 'must be a string of at most 64 characters',
    });
  }
  if (orderNo === false) {
    return answers.invalidParameter({ field: 'orderNo', rule: 'must be a string of at most 32 characters' });
  }
  if ((refundMerchantOrderNo === undefined) === (orderNo === undefined)) {
    return answers.invalidParameter({
      field: 'refundMerchantOrderNo',
      rule: `give exactly one of refundMerchantOrderNo and orderNo, not ${orderNo === undefined ? 'neither' : 'both'}`,
    });
  }
  const found =
    refundMerchantOrderNo !== undefined
      ? ledger.refundByMerchantOrderNo(refundMerchantOrderNo)
      : ledger.refundByOrderNo(orderNo ?? '');
  const refund = found !== undefined && found.visibleFrom <= Date.now() ? found : undefined;
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
