import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeLedger } from '../../test/ledger/describe-ledger';
import { describeRecordRefund } from '../../test/ledger/describe-record-refund';
import { describeWebhookOutbox } from '../../test/ledger/describe-webhook-outbox';
import { expectUpgradedLedger, writeLedgerBeforeEvidence } from './__fixtures__/upgrade-from-before-evidence';
import { claimKinds, dueCandidates } from './claim-due';
import { configureSqlite } from './configure-sqlite';
import { createLedger } from './create-ledger';
import type { LedgerDatabase } from './ledger-database';
import { silentLogger } from './ledger-logger';

/** Runs a fixture script as its own Node process, as a second host would run. */
function spawnFixture(name: string, args: readonly string[]) {
  const fixture = fileURLToPath(new URL(`./__fixtures__/${name}`, import.meta.url));
  return spawn(process.execPath, ['--conditions=@refunds/source', '--import', 'tsx', fixture, ...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Resolves with the process's stdout lines once it exits successfully. */
function linesOf(child: ReturnType<typeof spawnFixture>, onLine: (line: string) => void): Promise<string[]> {
  const lines: string[] = [];
  let buffered = '';
  let errorOutput = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const complete = buffered.split('\n');
    buffered = complete.pop() ?? '';
    for (const line of complete) {
      lines.push(line);
      onLine(line);
    }
  });
  child.stderr.on('data', (chunk: Buffer) => {
    errorOutput += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code === 0) resolve(lines);
      else reject(new Error(`the fixture exited with ${String(code)}: ${errorOutput}`));
    });
  });
}

async function temporaryDirectory(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'refunds-ledger-'));
}

/** A fresh, empty database per test. */
const sqliteFile: Parameters<typeof describeLedger>[1] = {
  dialect: 'sqlite',
  async createStore() {
    const directory = await temporaryDirectory();
    const path = join(directory, 'ledger.sqlite');
    return {
      open: (extra) => createLedger({ sqlitePath: path, ...extra }),
      async execute(statement) {
        const sqlite = new BetterSqlite3(path);
        try {
          sqlite.exec(statement);
        } finally {
          sqlite.close();
        }
      },
      dispose: () => rm(directory, { recursive: true, force: true }),
    };
  },
};

describeLedger('sqlite (WAL file)', sqliteFile);
describeWebhookOutbox('sqlite (WAL file)', sqliteFile);
describeRecordRefund('sqlite (WAL file)', sqliteFile);

describe('sqlite ledger', () => {
  let directory: string;

  beforeEach(async () => {
    directory = await temporaryDirectory();
  });

  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('configures durable commits: WAL, synchronous FULL, a busy timeout and foreign keys', () => {
    const sqlite = new BetterSqlite3(join(directory, 'settings.sqlite'));
    try {
      configureSqlite(sqlite, silentLogger);
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(sqlite.pragma('synchronous', { simple: true })).toBe(2);
      expect(sqlite.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    } finally {
      sqlite.close();
    }
  });

  it('creates the directory of its file, and stores amounts as text and times as integers', async () => {
    const path = join(directory, 'nested', 'deeper', 'refunds.sqlite');
    const ledger = await createLedger({ sqlitePath: path });
    await ledger.close();
    expect(existsSync(path)).toBe(true);
    const sqlite = new BetterSqlite3(path, { readonly: true });
    try {
      const columns = sqlite.pragma('table_info(refunds)') as { name: string; type: string }[];
      const typeOf = (name: string) => columns.find((column) => column.name === name)?.type.toLowerCase();
      expect(typeOf('amount')).toBe('text');
      expect(typeOf('request')).toBe('text');
      expect(typeOf('created_at')).toBe('bigint');
      expect(typeOf('lease_until')).toBe('bigint');
      expect(sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      sqlite.close();
    }
  });

  it('logs through a pino logger', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const ledger = await createLedger({ sqlitePath: ':memory:', logger });
    await ledger.close();
    const messages = lines.map((line) => (JSON.parse(line) as { msg: string }).msg);
    expect(messages).toContain('ledger migration applied');
    expect(messages).toContain('ledger ready');
  });

  it('runs in memory', async () => {
    const ledger = await createLedger({ sqlitePath: ':memory:' });
    try {
      expect(ledger.dialect).toBe('sqlite');
      expect(await ledger.countByState()).toMatchObject({ sending: 0 });
    } finally {
      await ledger.close();
    }
  });

  it('refuses a database URL it cannot use rather than quietly writing to a local file', async () => {
    await expect(createLedger({ databaseUrl: 'mysql://localhost/refunds' })).rejects.toThrow(/postgres/);
  });

  it('upgrades a ledger written before the evidence columns, keeping its refunds', async () => {
    const path = join(directory, 'old.sqlite');
    const database = new Kysely<unknown>({
      dialect: new SqliteDialect({ database: new BetterSqlite3(path) }),
    });
    try {
      await writeLedgerBeforeEvidence(database, 'sqlite');
    } finally {
      await database.destroy();
    }
    const ledger = await createLedger({ sqlitePath: path });
    try {
      await expectUpgradedLedger(ledger);
    } finally {
      await ledger.close();
    }
  });

  it('finds due refunds through an index, never a table scan', async () => {
    const path = join(directory, 'plan.sqlite');
    await (await createLedger({ sqlitePath: path })).close();
    const sqlite = new BetterSqlite3(path);
    const database = new Kysely<LedgerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
    try {
      for (const kind of claimKinds) {
        const query = dueCandidates(database, 'sqlite', kind, Date.now(), 10, [
          'account-a',
          'account-b',
        ]).compile();
        const plan = sqlite.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as {
          detail: string;
        }[];
        const details = plan.map((step) => step.detail).join('\n');
        const index = /USING INDEX (refunds_\w+)/.exec(details)?.[1];
        expect(index, `${kind.state}: ${details}`).toMatch(/lease_until|next_check_at/);
        expect(details, kind.state).not.toMatch(/SCAN refunds\b(?! USING)/);
        // A partial index: finished refunds, nearly all of a ledger, write no entry into it on any update.
        const indexes = sqlite.prepare(`pragma index_list('refunds')`).all() as {
          name: string;
          partial: number;
        }[];
        expect(indexes.find((candidate) => candidate.name === index)?.partial, index).toBe(1);
        // Counts per account and state are kept in refund_counts: nothing reads an (account, state) index.
        expect(indexes.map((candidate) => candidate.name)).not.toContain('refunds_account_state');
      }
    } finally {
      await database.destroy();
    }
  });

  it("reads one state's refunds oldest first from an index", async () => {
    const path = join(directory, 'operator-plan.sqlite');
    await (await createLedger({ sqlitePath: path })).close();
    const sqlite = new BetterSqlite3(path);
    const database = new Kysely<LedgerDatabase>({ dialect: new SqliteDialect({ database: sqlite }) });
    const planOf = (query: { sql: string; parameters: readonly unknown[] }) =>
      (sqlite.prepare(`explain query plan ${query.sql}`).all(...query.parameters) as { detail: string }[])
        .map((step) => step.detail)
        .join('\n');
    try {
      const oldestWaiting = database
        .selectFrom('refunds')
        .selectAll()
        .where('state', '=', 'needs_attention')
        .where((expression) =>
          expression(expression.refTuple('created_at', 'refund_id'), '>', expression.tuple(1, 'r-1')),
        )
        .orderBy('created_at', 'asc')
        .orderBy('refund_id', 'asc')
        .limit(21)
        .compile();
      const plan = planOf(oldestWaiting);
      expect(plan).toMatch(/SEARCH refunds USING INDEX refunds_state_created_at_refund_id/);
      expect(plan).not.toMatch(/TEMP B-TREE/);
    } finally {
      await database.destroy();
    }
  });

  it('keeps every acknowledged refund when the process is killed (SIGKILL) mid-stream', async () => {
    const path = join(directory, 'killed.sqlite');
    const child = spawnFixture('create-refunds-until-killed.ts', [path]);
    const acknowledged: string[] = [];
    let errorOutput = '';
    child.stderr.on('data', (chunk: Buffer) => {
      errorOutput += chunk.toString();
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    await new Promise<void>((resolve, reject) => {
      let buffered = '';
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString();
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        acknowledged.push(...lines.filter((line) => line !== ''));
        if (acknowledged.length >= 30) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.once('exit', () => reject(new Error(`the writer exited early: ${errorOutput}`)));
    });
    expect(await exited).toBe('SIGKILL');

    const sqlite = new BetterSqlite3(path, { readonly: true });
    try {
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      sqlite.close();
    }
    const ledger = await createLedger({ sqlitePath: path });
    try {
      for (const refundId of acknowledged) {
        expect(await ledger.getRefund(refundId), refundId).toMatchObject({ refundId, amount: '10.00000001' });
        expect(await ledger.events(refundId), refundId).toHaveLength(1);
      }
    } finally {
      await ledger.close();
    }
  }, 20_000);

  it('two host processes on one file never both create nor both claim a refund', async () => {
    const path = join(directory, 'shared.sqlite');
    const seeding = await createLedger({ sqlitePath: path });
    const due: string[] = [];
    for (let index = 0; index < 120; index += 1) {
      const refundId = `due-${index}`;
      await seeding.createRefund({
        refundId,
        account: 'account-a',
        provider: 'gatepay',
        orderId: `order-due-${index}`,
        amount: '2.00',
        currency: 'USDT',
        requestHash: 'hash',
        request: { refundId, orderId: `order-due-${index}`, amount: { amount: '2.00', currency: 'USDT' } },
        leaseOwner: 'host-dead',
        // Its lease runs out at once: due, like a provider call whose host died.
        leaseMs: 1,
      });
      due.push(refundId);
    }
    await seeding.close();

    const children = ['host-a', 'host-b'].map((owner) =>
      spawnFixture('contend-for-refunds.ts', [path, owner]),
    );
    let ready = 0;
    // Both processes start contending at the same moment, once both have opened the ledger.
    const outputs = await Promise.all(
      children.map((child) =>
        linesOf(child, (line) => {
          if (line !== 'ready') return;
          ready += 1;
          if (ready === children.length) for (const each of children) each.stdin.write('go\n');
        }),
      ),
    );
    const all = outputs.flat();
    const created = all
      .filter((line) => line.startsWith('created '))
      .map((line) => line.slice('created '.length));
    const claimed = all
      .filter((line) => line.startsWith('claimed '))
      .map((line) => line.slice('claimed '.length));
    expect(created.sort()).toEqual(Array.from({ length: 100 }, (_, index) => `shared-${index}`).sort());
    expect(claimed.sort()).toEqual([...due].sort());
  }, 20_000);
});
