import { addAmounts, compareAmounts } from '@refunds/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSandboxLedger } from './create-sandbox-ledger';

const convertOrder = () => {
  const ledger = createSandboxLedger();
  const order = ledger.seedOrder({
    kind: 'convert',
    amount: { amount: '0.01', currency: 'BTC' },
    payAmount: { amount: '400', currency: 'USDT' },
  });
  return { ledger, order };
};

describe('createSandboxLedger', () => {
  it('takes a convert refund from both currencies or from neither', () => {
    const { ledger, order } = convertOrder();
    expect(ledger.take(order, { amount: '0.004', payAmount: '160' })).toBe(true);
    // The order currency has room for 0.005 but the pay currency has only 240 left: nothing is taken.
    expect(ledger.take(order, { amount: '0.005', payAmount: '241' })).toBe(false);
    expect(ledger.refunded(order)).toEqual({ amount: '0.004', payAmount: '160' });
    expect(ledger.take(order, { amount: '0.006', payAmount: undefined })).toBe(true);
    expect(ledger.take(order, { amount: '0.000001', payAmount: undefined })).toBe(false);
    expect(ledger.take(order, { amount: undefined, payAmount: '240' })).toBe(true);
    ledger.giveBack(order, { amount: '0.004', payAmount: '160' });
    expect(ledger.refunded(order)).toEqual({ amount: '0.006', payAmount: '240' });
  });

  it('never lets the refunds of an order exceed what was paid in either currency', () => {
    const amount = fc.option(
      fc.integer({ min: 1, max: 500 }).map((units) => String(units)),
      { nil: undefined },
    );
    fc.assert(
      fc.property(fc.array(fc.record({ amount, payAmount: amount }), { maxLength: 20 }), (requests) => {
        const ledger = createSandboxLedger();
        const order = ledger.seedOrder({
          kind: 'convert',
          amount: { amount: '1000', currency: 'BTC' },
          payAmount: { amount: '700', currency: 'USDT' },
        });
        const taken = { amount: '0', payAmount: '0' };
        for (const request of requests) {
          if (!ledger.take(order, request)) continue;
          taken.amount = addAmounts(taken.amount, request.amount ?? '0');
          taken.payAmount = addAmounts(taken.payAmount, request.payAmount ?? '0');
        }
        expect(ledger.refunded(order)).toEqual(taken);
        expect(compareAmounts(taken.amount, '1000')).toBeLessThanOrEqual(0);
        expect(compareAmounts(taken.payAmount, '700')).toBeLessThanOrEqual(0);
      }),
    );
  });
});
