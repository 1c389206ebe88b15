import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedger } from './create-ledger';
import type { NewRefund } from './ledger';
import type { LedgerLogger } from './ledger-logger';
import { openSqliteStore } from './sqlite-store';

let directory: string;

beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), 'refunds-sqlite-store-'));
});

afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** Counts the commits the store reports, with how many writes each carried. */
function commitCounter() {
  const commits: number[] = [];
  const logger: LedgerLogger = {
    debug: (details, message) => {
      if (message === 'SQLite ledger commit') commits.push((details as { writes: number }).writes);
    },
    info: () => {},
    warn: () => {},
    error: () => {},
  };
  return { commits, logger };
}

function newRefund(): NewRefund {
  const refundId = `refund-${randomBytes(6).toString('hex')}`;
  const orderId = `order-${randomBytes(6).toString('hex')}`;
  return {
    refundId,
    account: 'account-a',
    provider: 'gatepay',
    orderId,
    amount: '1.00',
    currency: 'USDT',
    requestHash: 'hash',
    request: { refundId, orderId, amount: { amount: '1.00', currency: 'USDT' } },
    leaseOwner: 'host-1',
    leaseMs: 60_000,
  };
}

describe('the SQLite store: group commit', () => {
  it('commits writes that arrive together in one flush, each resolved only after it, all durable', async () => {
    const path = join(directory, 'ledger.sqlite');
    const { commits, logger } = commitCounter();
    const ledger = await createLedger({ sqlitePath: path, logger });
    commits.length = 0;
    const inputs = Array.from({ length: 50 }, newRefund);
    const created = await Promise.all(inputs.map((input) => ledger.createRefund(input)));
    expect(created.every((result) => result.created)).toBe(true);
    // Fewer flushes than writes: they shared commits.
    expect(commits.reduce((sum, writes) => sum + writes, 0)).toBe(50);
    expect(commits.length).toBeLessThan(50);
    expect(Math.max(...commits)).toBeGreaterThan(1);
    await ledger.close();

    // Another process's view: a fresh connection finds every refund the writes resolved with.
    const reopened = await createLedger({ sqlitePath: path });
    for (const input of inputs)
      expect((await reopened.getRefund(input.refundId))?.refundId).toBe(input.refundId);
    await reopened.close();
  });

  it('undoes only the write that failed: the others of its group commit', async () => {
    const store = await openSqliteStore(join(directory, 'ledger.sqlite'), commitCounter().logger);
    const failure = new Error('this write fails halfway');
    const writes = Array.from({ length: 6 }, (_, index) =>
      store.write(async (transaction) => {
        await transaction
          .insertInto('nonces')
          .values({ scope: `scope-${index}`, value: index })
          .execute();
        if (index === 3) throw failure;
        return index;
      }),
    );
    const results = await Promise.allSettled(writes);
    expect(results.map((result) => result.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
    ]);
    expect((results[3] as PromiseRejectedResult).reason).toBe(failure);
    const scopes = await store.database.selectFrom('nonces').select('scope').orderBy('scope').execute();
    expect(scopes.map((row) => row.scope)).toEqual(['scope-0', 'scope-1', 'scope-2', 'scope-4', 'scope-5']);
    await store.close();
  });

  it('fails every write of a group when the commit itself fails, and commits none of them', async () => {
    const store = await openSqliteStore(join(directory, 'ledger.sqlite'), commitCounter().logger);
    // A deferred foreign key is checked at commit: one bad write makes the whole group's COMMIT fail.
    const writes = [
      store.write(async (transaction) => {
        await transaction.insertInto('nonces').values({ scope: 'kept-out', value: 1 }).execute();
      }),
      store.write(async (transaction) => {
        await transaction.executeQuery({
          sql: 'pragma defer_foreign_keys = on',
          parameters: [],
          query: { kind: 'RawNode' },
        } as never);
        await transaction
          .insertInto('refund_events')
          .values({ refund_id: 'no-such-refund', type: 'x', at: 1, data: null })
          .execute();
      }),
    ];
    const results = await Promise.allSettled(writes);
    expect(results.every((result) => result.status === 'rejected')).toBe(true);
    expect(await store.database.selectFrom('nonces').selectAll().execute()).toEqual([]);
    await store.close();
  });
});
