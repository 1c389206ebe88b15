import { describe, expect, it } from 'vitest';
import { silentLogger } from './ledger-logger';
import { prepareQuery } from './prepare-query';
import { openSqliteStore } from './sqlite-store';

describe('prepareQuery', () => {
  it('builds a statement once and runs it with each call’s values, constants kept, in any transaction', async () => {
    const store = await openSqliteStore(':memory:', silentLogger);
    try {
      let builds = 0;
      const insertLock = prepareQuery<{ orderId: string; until: number }, never>((database, parameter) => {
        builds += 1;
        return database.insertInto('order_locks').values({
          account: 'account-a',
          order_id: parameter('orderId'),
          owner: 'owner-a',
          until: parameter('until'),
        });
      });
      await store.write((transaction) => insertLock(transaction, { orderId: 'order-1', until: 10 }));
      await store.write((transaction) => insertLock(transaction, { orderId: 'order-2', until: 20 }));
      await insertLock(store.database, { orderId: 'order-3', until: 30 });
      const rows = await store.database
        .selectFrom('order_locks')
        .select(['account', 'order_id', 'owner', 'until'])
        .orderBy('order_id')
        .execute();
      expect(rows).toEqual([
        { account: 'account-a', order_id: 'order-1', owner: 'owner-a', until: 10 },
        { account: 'account-a', order_id: 'order-2', owner: 'owner-a', until: 20 },
        { account: 'account-a', order_id: 'order-3', owner: 'owner-a', until: 30 },
      ]);
      expect(builds).toBe(1);
    } finally {
      await store.close();
    }
  });
});
