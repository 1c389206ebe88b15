import { afterEach, beforeEach } from 'vitest';
import type { Ledger, RefundRecord, RefundState } from '../../src/ledger/ledger';
import type { LedgerStoreSubject, LedgerSuiteOptions } from './ledger-store-subject';
import { newRefund } from './new-refund';

export interface LedgerStore {
  /** The database of the running test; throws when the suite's `createStore` failed. */
  currentStore(): LedgerStoreSubject;
  /** Another ledger instance on the test's database, as another host process would open it; closed after the test. */
  open(): Promise<Ledger>;
  /** A refund moved into `state` with the given schedule and lease, through the public interface. */
  seed(
    ledger: Ledger,
    state: RefundState,
    schedule?: { nextCheckAt?: Date | null; leaseOwner?: string | null; leaseUntil?: Date | null },
  ): Promise<RefundRecord>;
}

/**
 * Gives each test of the enclosing `describe` a fresh, empty database, and closes every ledger it opened after
 * it: the suites of one dialect share nothing, so any one of them can run alone.
 */
export function useLedgerStore(options: LedgerSuiteOptions): LedgerStore {
  let store: LedgerStoreSubject | undefined;
  let opened: Ledger[] = [];

  const currentStore = (): LedgerStoreSubject => {
    if (store === undefined) throw new Error('no store: createStore failed');
    return store;
  };

  const open = async (): Promise<Ledger> => {
    const ledger = await currentStore().open();
    opened.push(ledger);
    return ledger;
  };

  const seed: LedgerStore['seed'] = async (ledger, state, schedule = {}) => {
    const { refund } = await ledger.createRefund(newRefund());
    if (state === 'sending' && Object.keys(schedule).length === 0) return refund;
    const moved = await ledger.transition(refund.refundId, {
      from: ['sending'],
      patch: {
        state,
        nextCheckAt: schedule.nextCheckAt ?? null,
        leaseOwner: schedule.leaseOwner ?? null,
        leaseUntil: schedule.leaseUntil ?? null,
      },
      event: { type: 'seeded', data: { state } },
    });
    if (moved === undefined) throw new Error('seeding failed');
    return moved;
  };

  beforeEach(async () => {
    opened = [];
    store = undefined;
    store = await options.createStore();
  });

  afterEach(async () => {
    await Promise.all(opened.map((ledger) => ledger.close()));
    await store?.dispose();
  });

  return { currentStore, open, seed };
}
