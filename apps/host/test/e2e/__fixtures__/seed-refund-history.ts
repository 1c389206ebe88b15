import type { DemoOrder, RefundRequest } from '@refunds/core';
import { vi } from 'vitest';
import type { Ledger, RefundState } from '../../../src/ledger/ledger';
import { hashRefundRequest } from '../../../src/refunds/hash-refund-request';

export interface HistoryAccount {
  account: string;
  provider: string;
  order: DemoOrder;
}

const hourMs = 60 * 60 * 1000;

/**
 * A day of past refunds written straight into the ledger, each at its own past instant, so the overview's
 * chart has hours to show. Every refund is final or handed to a person: the reconciler never picks them up and
 * no provider is called. Date.now is stubbed only around each write.
 */
export async function seedRefundHistory(
  ledger: Ledger,
  accounts: readonly HistoryAccount[],
  now = Date.now(),
): Promise<string[]> {
  const created: string[] = [];
  let sequence = 0;
  for (let hoursAgo = 23; hoursAgo >= 1; hoursAgo -= 1) {
    // A working day's shape: quiet at night, busy around noon, deterministic so screenshots compare.
    const count = Math.round(2 + 6 * Math.sin(((24 - hoursAgo) / 24) * Math.PI) + (hoursAgo % 3));
    for (let index = 0; index < count; index += 1) {
      sequence += 1;
      const { account, provider, order } = accounts[sequence % accounts.length] as HistoryAccount;
      const at = now - hoursAgo * hourMs + ((index * 7 + 3) % 55) * 60_000;
      const state: RefundState =
        sequence % 41 === 0 ? 'needs_attention' : sequence % 9 === 0 ? 'failed' : 'succeeded';
      const refundId = `rf-${(0x5a3c1 + sequence * 7919).toString(36)}`;
      const request: RefundRequest = {
        refundId,
        orderId: `${order.orderId}-h${sequence}`,
        amount: order.amount,
        ...(order.destination ? { destination: order.destination } : {}),
        ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
      } as RefundRequest;
      await writtenAt(at, async () => {
        await ledger.createRefund({
          refundId,
          account,
          provider,
          orderId: request.orderId,
          amount: order.amount.amount,
          currency: order.amount.currency,
          requestHash: hashRefundRequest(account, request),
          request,
          leaseOwner: 'history',
          leaseMs: 60_000,
        });
      });
      await writtenAt(at + 1_500, () =>
        ledger.transition(refundId, {
          from: ['sending'],
          leaseOwner: 'history',
          patch: {
            state: state === 'needs_attention' ? 'unknown' : state,
            providerStatus: state === 'needs_attention' ? null : state,
            providerRefundId: state === 'succeeded' ? `P${sequence}${refundId.slice(3)}` : null,
            failure: state === 'failed' ? { code: 'declined', message: 'Order is not refundable' } : null,
            failureOutcome: state === 'failed' ? 'rejected' : null,
            leaseOwner: null,
            leaseUntil: null,
          },
          event: {
            type: state === 'needs_attention' ? 'provider_failed' : 'provider_accepted',
            data:
              state === 'needs_attention'
                ? { code: 'provider_unavailable', outcome: 'unknown', message: 'HTTP 503 from the provider' }
                : { status: state },
          },
        }),
      );
      if (state === 'needs_attention') {
        await writtenAt(Math.min(at + 10 * 60_000, now - 1_000), () =>
          ledger.transition(refundId, {
            from: ['unknown'],
            patch: { state: 'needs_attention', checkFailures: 20, attempts: 20, nextCheckAt: null },
            event: {
              type: 'needs_attention',
              data: {
                reason: '20 status checks failed in a row',
                evidence: {
                  code: 'provider_unavailable',
                  outcome: 'unknown',
                  message: 'HTTP 503 from the provider',
                },
              },
            },
          }),
        );
      }
      created.push(refundId);
    }
  }
  return created;
}

async function writtenAt<T>(time: number, write: () => Promise<T>): Promise<T> {
  const clock = vi.spyOn(Date, 'now').mockReturnValue(time);
  try {
    return await write();
  } finally {
    clock.mockRestore();
  }
}
