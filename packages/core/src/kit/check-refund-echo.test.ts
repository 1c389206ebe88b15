import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRefundEcho, findEchoMismatches } from './check-refund-echo';

const sent = { refundId: 'r-1', orderId: 'o-1', amount: '10.50', currency: 'USDT' };
const fieldsFor = (received: Partial<typeof sent>) => [
  { name: 'refundId', sent: sent.refundId, received: received.refundId, required: true },
  { name: 'orderId', sent: sent.orderId, received: received.orderId },
  {
    name: 'amount',
    sent: sent.amount,
    received: received.amount,
    compare: 'amount' as const,
    required: true,
  },
  { name: 'currency', sent: sent.currency, received: received.currency },
];

describe('checkRefundEcho', () => {
  it('accepts the same refund, amounts compared by value, unechoed optional fields ignored', () => {
    expect(() =>
      checkRefundEcho({
        provider: 'example',
        refundId: 'r-1',
        writes: true,
        fields: fieldsFor({ ...sent, amount: '10.5', orderId: undefined }),
      }),
    ).not.toThrow();
  });

  it('leaves a write answered about another refund unknown', () => {
    const attempt = () =>
      checkRefundEcho({
        provider: 'example',
        refundId: 'r-1',
        writes: true,
        fields: fieldsFor({ ...sent, orderId: 'o-2' }),
      });
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'invalid_response', outcome: 'unknown', provider: 'example' }),
    );
    expect(attempt).toThrow(/orderId "o-2" instead of "o-1".*getRefund/);
  });

  it('rejects a read answered about another refund', () => {
    expect(() =>
      checkRefundEcho({
        provider: 'example',
        refundId: 'r-1',
        writes: false,
        fields: fieldsFor({ ...sent, currency: 'BTC' }),
      }),
    ).toThrow(expect.objectContaining({ outcome: 'rejected' }));
  });

  it('compares integers without a float and calls a missing required echo a mismatch', () => {
    expect(
      findEchoMismatches([{ name: 'refundAmount', sent: 9007199254740993n, received: '9007199254740993' }]),
    ).toEqual([]);
    expect(findEchoMismatches([{ name: 'refundAmount', sent: 100n, received: '1e2' }])).toHaveLength(1);
    expect(findEchoMismatches(fieldsFor({ refundId: 'r-1' }))).toEqual(['no amount']);
  });

  it('finds every amount that differs in value and none that only differs in writing', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        fc.bigInt({ min: 1n, max: 10n ** 20n }),
        (a, b) => {
          const mismatches = findEchoMismatches([
            { name: 'amount', sent: `${a}.00`, received: `${b}.0`, compare: 'amount' },
          ]);
          expect(mismatches.length === 0).toBe(a === b);
        },
      ),
    );
  });
});
