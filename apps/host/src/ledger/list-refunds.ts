import { decodeRefundCursor } from './decode-refund-cursor';
import { encodeRefundCursor } from './encode-refund-cursor';
import type { ListRefundsQuery, RefundRecord } from './ledger';
import type { LedgerStore } from './ledger-store';
import { toRefundRecord } from './to-refund-record';

export const defaultListLimit = 20;
export const maximumListLimit = 100;

export function clampListLimit(limit: number | undefined): number {
  // Number(): a limit taken from a query string without conversion still clamps instead of reaching SQL.
  const value = Number(limit);
  if (limit === undefined || Number.isNaN(value)) return defaultListLimit;
  return Math.min(maximumListLimit, Math.max(1, Math.trunc(value)));
}

/**
 * Newest first (or oldest first), by keyset on (created_at, refund_id) rather than by offset: a refund created
 * while a client pages is newer than every cursor it holds, so pages never repeat or skip a refund. The cursor
 * is a position, the last refund of the previous page; the order says on which side of it the next page lies.
 */
export async function listRefunds(
  store: LedgerStore,
  query: ListRefundsQuery,
): Promise<{ refunds: RefundRecord[]; nextCursor: string | undefined }> {
  const limit = clampListLimit(query.limit);
  const oldestFirst = query.order === 'oldest';
  const direction = oldestFirst ? 'asc' : 'desc';
  const cursor = query.cursor === undefined ? undefined : decodeRefundCursor(query.cursor);
  let select = store.database.selectFrom('refunds').selectAll();
  if (query.account !== undefined) select = select.where('account', '=', query.account);
  if (query.state !== undefined) select = select.where('state', '=', query.state);
  if (query.orderId !== undefined) select = select.where('order_id', '=', query.orderId);
  if (query.createdFrom !== undefined) select = select.where('created_at', '>=', query.createdFrom.getTime());
  if (query.createdTo !== undefined) select = select.where('created_at', '<', query.createdTo.getTime());
  if (cursor !== undefined) {
    select = select.where((expression) =>
      expression(
        expression.refTuple('created_at', 'refund_id'),
        oldestFirst ? '>' : '<',
        expression.tuple(cursor.createdAt, cursor.refundId),
      ),
    );
  }
  // One extra row tells whether another page exists without a second query.
  const rows = await select
    .orderBy('created_at', direction)
    .orderBy('refund_id', direction)
    .limit(limit + 1)
    .execute();
  const refunds = rows.slice(0, limit).map(toRefundRecord);
  const last = refunds.at(-1);
  const nextCursor =
    rows.length > limit && last !== undefined
      ? encodeRefundCursor({ createdAt: last.createdAt.getTime(), refundId: last.refundId })
      : undefined;
  return { refunds, nextCursor };
}
