import { randomBytes } from 'node:crypto';
import type { RefundRequest } from '@refunds/core';
import type { NewRefund } from '../../src/ledger/ledger';

let sequence = 0;

/** Unique across instances and runs, and sortable by creation within one run (for the list and cursor tests). */
export const uniqueId = (prefix: string): string =>
  `${prefix}-${(sequence++).toString().padStart(4, '0')}-${randomBytes(4).toString('hex')}`;

export const minute = 60_000;

/**
 * A refund as the refund service records it. The default request carries text outside ASCII, quotes, a nested
 * `providerOptions` and decimals as strings, so every store must round-trip it byte for byte.
 */
export function newRefund(overrides: Partial<NewRefund> = {}): NewRefund {
  const refundId = overrides.refundId ?? uniqueId('refund');
  const orderId = overrides.orderId ?? uniqueId('order');
  const amount = overrides.amount ?? '1.50000000';
  const currency = overrides.currency ?? 'USDT';
  const request: RefundRequest = overrides.request ?? {
    refundId,
    orderId,
    amount: { amount, currency },
    reason: 'Rückerstattung — 退款 "quoted"',
    destination: { address: 'TXYZ1234', network: 'TRC20' },
    providerOptions: { nested: { list: [1, '2.10', null, true] } },
  };
  return {
    refundId,
    account: 'account-a',
    provider: 'gatepay',
    orderId,
    amount,
    currency,
    requestHash: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    request,
    leaseOwner: 'host-1',
    leaseMs: minute,
    ...overrides,
  };
}
