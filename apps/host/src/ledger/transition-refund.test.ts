import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedger } from './create-ledger';
import type { Ledger } from './ledger';

let ledger: Ledger;

beforeEach(async () => {
  ledger = await createLedger({ sqlitePath: ':memory:' });
});
afterEach(async () => {
  await ledger.close();
});

describe('transitionRefund', () => {
  it('refuses a transition from no state, saying it could never succeed', async () => {
    await expect(
      ledger.transition('refund-1', { from: [], patch: {}, event: { type: 'test', data: {} } }),
    ).rejects.toThrow('A transition needs at least one state to move from');
  });
});
