import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addAmounts } from '../money/add-amounts';
import { compareAmounts } from '../money/compare-amounts';
import { createBalanceLedger } from './create-balance-ledger';

describe('createBalanceLedger', () => {
  it('takes refunds from the balance and refuses what exceeds it', () => {
    const ledger = createBalanceLedger();
    ledger.open('o-1', { amount: '10.00', currency: 'USDT' });
    expect(ledger.take('o-1', { amount: '6.5', currency: 'USDT' })).toBe('taken');
    expect(ledger.take('o-1', { amount: '3.51', currency: 'USDT' })).toBe('exceeds');
    expect(ledger.take('o-1', { amount: '1', currency: 'BTC' })).toBe('currency');
    expect(ledger.take('o-2', { amount: '1', currency: 'USDT' })).toBe('unknown-order');
    expect(compareAmounts(ledger.refundable('o-1') ?? '', '3.50')).toBe(0);
    ledger.giveBack('o-1', '6.5');
    expect(compareAmounts(ledger.refundable('o-1') ?? '', '10')).toBe(0);
    expect(() => ledger.giveBack('o-1', '0.01')).toThrow(/more than was refunded/);
  });

  it('never lets the refunds of an order exceed what was paid', () => {
    const amount = fc.integer({ min: 1, max: 100_000 }).map((cents) => (cents / 100).toFixed(2));
    fc.assert(
      fc.property(amount, fc.array(amount, { maxLength: 30 }), (paid, requests) => {
        const ledger = createBalanceLedger();
        ledger.open('o', { amount: paid, currency: 'EUR' });
        let taken = '0';
        for (const request of requests) {
          if (ledger.take('o', { amount: request, currency: 'EUR' }) === 'taken')
            taken = addAmounts(taken, request);
        }
        expect(compareAmounts(taken, paid)).toBeLessThanOrEqual(0);
        expect(compareAmounts(addAmounts(taken, ledger.refundable('o') ?? ''), paid)).toBe(0);
      }),
    );
  });
});
