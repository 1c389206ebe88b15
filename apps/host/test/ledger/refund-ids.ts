import type { RefundRecord } from '../../src/ledger/ledger';

/** The ids of refunds in their order, so a list's order is compared in one readable line. */
export const ids = (refunds: readonly RefundRecord[]): string[] => refunds.map((refund) => refund.refundId);

/** The list's documented order: newest first, and the larger refund id first among refunds created together. */
export const newestFirst = (left: RefundRecord, right: RefundRecord): number =>
  right.createdAt.getTime() - left.createdAt.getTime() ||
  (left.refundId < right.refundId ? 1 : left.refundId > right.refundId ? -1 : 0);
