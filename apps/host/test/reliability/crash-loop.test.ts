import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type SandboxAccounts, startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { freePort } from '../support/start-sandbox-host';
import { runAuditCli } from './run-audit-cli';
import { type CrashLoopResult, runCrashLoop } from './run-crash-loop';

// CI's variant: 20 kills at short intervals. REFUNDS_CRASH_KILLS raises it for a longer run.
const kills = Number(process.env.REFUNDS_CRASH_KILLS ?? 20);
const apiKey = 'sk_test_crash_loop_5d1f8a2c';

let directory: string | undefined;
let sandboxAccounts: SandboxAccounts | undefined;
let result: CrashLoopResult | undefined;

afterAll(async () => {
  await result?.host.kill('SIGKILL');
  await sandboxAccounts?.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('crash loop: a host SIGKILLed at random moments while refunds stream across every provider', () => {
  it(`survives ${kills} kills with every refund executed at most once, none lost, none stuck`, async () => {
    directory = mkdtempSync(join(tmpdir(), 'refunds-crash-loop-'));
    const port = await freePort();
    sandboxAccounts = await startSandboxAccounts({
      notificationUrl: (account) =>
        `http://127.0.0.1:${port}/v1/notifications/${encodeURIComponent(account)}`,
      settleAfterMs: 200,
    });
    result = await runCrashLoop({
      kills,
      uptimeMs: [100, 900],
      directory,
      sandboxAccounts,
      port,
      apiKey,
      settleTimeoutMs: 60_000,
    });
    const { check, moving, sent } = result;
    console.log(
      `crash loop: ${result.kills} kills survived, ${sent.length} refunds sent, ${check.acknowledged} ` +
        `acknowledged, ${check.executed} executed, ${check.neverRecorded} never reached the ledger, ` +
        `by state ${JSON.stringify(check.byState)}`,
    );
    expect(result.kills).toBe(kills);
    expect(moving, 'refunds the reconciler did not bring to rest').toEqual({});
    expect(check.problems, check.problems.join('\n')).toEqual([]);
    // Enough traffic that kills landed while refunds were in flight.
    expect(sent.length).toBeGreaterThan(kills * 2);
    expect(check.byState.succeeded ?? 0).toBeGreaterThan(kills);

    // The operator's view agrees: the audit CLI, on the same ledger file, finds no difference.
    const audit = await runAuditCli({
      cwd: directory,
      configPath: result.configPath,
      environment: result.environment,
    });
    expect(audit.exitCode, audit.output).toBe(0);
    expect(audit.report?.differences).toEqual([]);
    expect(audit.report?.open).toEqual([]);
    expect(audit.report?.audited).toBe(sent.length - check.neverRecorded);
  }, 240_000);
});
