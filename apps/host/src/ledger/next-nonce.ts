import { sql } from 'kysely';
import type { LedgerStore } from './ledger-store';

/**
 * One upsert: insert the floor, or raise the scope's value to the larger of the floor and one past the last. On
 * PostgreSQL the conflicting row is locked and re-read after a concurrent caller commits, so concurrent callers
 * on any number of hosts get distinct values, each above the last committed one; SQLite runs it under the write
 * lock. Durable: after a restart with the clock behind, the stored value, not the clock, decides.
 */
export async function nextNonce(store: LedgerStore, scope: string, floor: number): Promise<number> {
  if (typeof scope !== 'string' || scope === '') throw new TypeError('scope must be a non-empty string');
  if (!Number.isSafeInteger(floor) || floor < 0) {
    throw new TypeError(`floor must be a non-negative safe integer, got ${String(floor)}`);
  }
  const larger =
    store.dialect === 'postgres'
      ? sql<number>`greatest(nonces.value + 1, excluded.value)`
      : sql<number>`max(nonces.value + 1, excluded.value)`;
  const row = await store.write((transaction) =>
    transaction
      .insertInto('nonces')
      .values({ scope, value: floor })
      .onConflict((conflict) => conflict.column('scope').doUpdateSet({ value: larger }))
      .returning('value')
      .executeTakeFirstOrThrow(),
  );
  // pg returns BIGINT as a string; the table's CHECK keeps it a safe integer.
  const value = Number(row.value);
  if (!Number.isSafeInteger(value))
    throw new Error(`The ledger holds a nonce that is not a safe integer: ${row.value}`);
  return value;
}
