import type { RefundRequest } from '@refunds/core';
import type { Selectable } from 'kysely';
import type { RefundRecord } from './ledger';
import type { RefundsTable } from './ledger-database';
import { toDate } from './to-date';

export type RefundRow = Selectable<RefundsTable>;

const optionalDate = (stored: number | string | null): Date | undefined =>
  stored === null ? undefined : toDate(stored);

export function toRefundRecord(row: RefundRow): RefundRecord {
  return {
    refundId: row.refund_id,
    account: row.account,
    provider: row.provider,
    orderId: row.order_id,
    amount: row.amount,
    currency: row.currency,
    requestHash: row.request_hash,
    request: JSON.parse(row.request) as RefundRequest,
    state: row.state,
    providerStatus: row.provider_status ?? undefined,
    providerRefundId: row.provider_refund_id ?? undefined,
    failure:
      row.failure_code !== null && row.failure_message !== null
        ? { code: row.failure_code, message: row.failure_message }
        : undefined,
    failureOutcome: row.failure_outcome ?? undefined,
    attempts: Number(row.attempts),
    checkFailures: Number(row.check_failures),
    resends: Number(row.resends),
    nextCheckAt: optionalDate(row.next_check_at),
    sentAt: optionalDate(row.sent_at),
    notFoundAt: optionalDate(row.not_found_at),
    leaseOwner: row.lease_owner ?? undefined,
    leaseUntil: optionalDate(row.lease_until),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}
