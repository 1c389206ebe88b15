import { describe, expect, it } from 'vitest';
import type { RefundRecord, RefundState } from '../../src/ledger/ledger';
import { refundStates } from '../../src/ledger/refund-states';
import type { LedgerSuiteOptions } from './ledger-store-subject';
import { newRefund } from './new-refund';
import { useLedgerStore } from './use-ledger-store';

/** The counts the metrics and the console read. */
export function describeLedgerCounts(options: LedgerSuiteOptions): void {
  describe('countByState', () => {
    const { open, seed } = useLedgerStore(options);

    it('counts every state, zero included', async () => {
      const ledger = await open();
      const empty = await ledger.countByState();
      expect(empty).toEqual(Object.fromEntries(refundStates.map((state) => [state, 0])));
      await seed(ledger, 'sending');
      await seed(ledger, 'sending');
      await seed(ledger, 'pending', { nextCheckAt: new Date() });
      await seed(ledger, 'needs_attention');
      expect(await ledger.countByState()).toEqual({
        ...empty,
        sending: 2,
        pending: 1,
        needs_attention: 1,
      });
    });
  });

  describe('countByStateAndAccount', () => {
    const { open } = useLedgerStore(options);

    it('counts refunds per account and state, only the pairs that have any', async () => {
      const ledger = await open();
      expect(await ledger.countByStateAndAccount()).toEqual([]);
      const move = async (refund: RefundRecord, state: RefundState) =>
        ledger.transition(refund.refundId, {
          from: ['sending'],
          patch: { state, leaseOwner: null, leaseUntil: null },
          event: { type: 'seeded', data: { state } },
        });
      for (let index = 0; index < 3; index += 1)
        await move(
          (await ledger.createRefund(newRefund({ account: 'account-a' }))).refund,
          'needs_attention',
        );
      await move((await ledger.createRefund(newRefund({ account: 'account-a' }))).refund, 'succeeded');
      await ledger.createRefund(newRefund({ account: 'account-b' }));
      await move((await ledger.createRefund(newRefund({ account: 'account-b' }))).refund, 'needs_attention');
      expect(await ledger.countByStateAndAccount()).toEqual([
        { account: 'account-a', state: 'needs_attention', count: 3 },
        { account: 'account-a', state: 'succeeded', count: 1 },
        { account: 'account-b', state: 'needs_attention', count: 1 },
        { account: 'account-b', state: 'sending', count: 1 },
      ]);
    });
  });
}
