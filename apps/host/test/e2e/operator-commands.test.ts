import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoOrder } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NamedApiKey } from '../../src/http/api-keys';
import { spawnCli } from '../support/spawn-cli';
import { refundBody, type SandboxHost, startSandboxHost, testApiKey } from '../support/start-sandbox-host';

// The operator commands as a person runs them: the real CLI process against a running host over loopback.

const operator: NamedApiKey = {
  name: 'ops-bob',
  role: 'operator',
  secret: 'sk_test_cli_operator_bob_4e8a1c',
};
const viewer: NamedApiKey = { name: 'watcher', role: 'viewer', secret: 'sk_test_cli_viewer_watch_7d20b9' };

describe('operator CLI commands', () => {
  let harness: SandboxHost;
  let directory: string;

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'refunds-cli-operators-'));
    // Refunds stay pending: no notification settles one a test holds in needs_attention.
    harness = await startSandboxHost({ apiKeys: [testApiKey, operator, viewer], settleAfterMs: 60_000 });
  }, 120_000);
  afterAll(async () => {
    await harness?.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const run = async (args: readonly string[], key: NamedApiKey = operator) => {
    const cli = spawnCli(args, {
      cwd: directory,
      environment: { REFUNDS_URL: harness.url, REFUNDS_API_KEY: key.secret },
    });
    const code = await cli.exited;
    return { code, output: cli.output() };
  };

  /** A refund the reconciler handed over, with its evidence. */
  const parked = async (account: string, reason: string) => {
    const order = await harness.freshOrder(account);
    const created = await harness.call('POST', '/v1/refunds', refundBody(account, order));
    await harness.host.ledger.transition(created.body.refundId, {
      from: ['sending', 'pending', 'unknown'],
      patch: { state: 'needs_attention', nextCheckAt: null, leaseOwner: null, leaseUntil: null },
      event: { type: 'needs_attention', data: { reason, evidence: { status: 'test' } } },
    });
    return { order, refundId: created.body.refundId as string };
  };

  it('attention lists the refunds waiting, oldest first, with age and the last evidence', async () => {
    const first = await parked('gatepay:sandbox', 'currency mismatch: asked USDT, provider shows TRX');
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = await parked('bonuspay:sandbox', 'still pending after the maximum pending time');
    const { code, output } = await run(['attention'], viewer);
    expect(code, output).toBe(0);
    expect(output).toMatch(/\d+ refunds? needs? attention, oldest first/);
    expect(output).toMatch(/REFUND\s+ACCOUNT\s+ORDER\s+AMOUNT\s+AGE\s+EVIDENCE/);
    const lineOf = (refundId: string) => output.split('\n').find((line) => line.startsWith(refundId)) ?? '';
    expect(lineOf(first.refundId)).toContain('gatepay:sandbox');
    expect(lineOf(first.refundId)).toMatch(/\d+ s\s+currency mismatch: asked USDT, provider shows TRX$/);
    expect(lineOf(second.refundId)).toContain('still pending after the maximum pending time');
    expect(output.indexOf(first.refundId)).toBeLessThan(output.indexOf(second.refundId));

    const json = await run(['attention', '--json', '--account', 'bonuspay:sandbox']);
    expect(json.code).toBe(0);
    const listed = JSON.parse(json.output).refunds as {
      refundId: string;
      evidence: string;
      account: string;
    }[];
    expect(listed.every((refund) => refund.account === 'bonuspay:sandbox')).toBe(true);
    expect(listed.find((refund) => refund.refundId === second.refundId)?.evidence).toBe(
      'still pending after the maximum pending time',
    );
  }, 60_000);

  it('resolve decides a refund and events shows who did it and why; a viewer is refused', async () => {
    const { refundId } = await parked('gatepay:sandbox', 'provider answer lost');
    const refused = await run(['resolve', refundId, '--state', 'failed', '--reason', 'viewer tries'], viewer);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('resolve needs role operator');

    const missingReason = await run(['resolve', refundId, '--state', 'failed']);
    expect(missingReason.code).toBe(1);
    expect(missingReason.output).toContain('resolve needs --reason');

    const resolved = await run([
      'resolve',
      refundId,
      '--state',
      'failed',
      '--reason',
      'GatePay: no such refund',
    ]);
    expect(resolved.code, resolved.output).toBe(0);
    expect(JSON.parse(resolved.output)).toMatchObject({ refundId, state: 'failed' });

    const events = await run(['events', refundId], viewer);
    expect(events.code).toBe(0);
    const lines = events.output.trim().split('\n');
    expect(lines[0]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z {2}created\s+by key-1 {2}\{/);
    expect(lines.at(-1)).toMatch(
      /resolved\s+by ops-bob {2}\{"reason":"GatePay: no such refund","state":"failed"\}$/,
    );

    const again = await run(['resolve', refundId, '--state', 'succeeded', '--reason', 'twice']);
    expect(again.code).toBe(1);
    expect(again.output).toContain(
      `Refund ${refundId} is failed; only a refund in needs_attention can be resolved.`,
    );
  }, 60_000);

  it('resend sends nothing when the provider shows the refund, and prints what it showed', async () => {
    const { order, refundId } = await parked('gatepay:sandbox', 'answer lost');
    const { code, output } = await run(['resend', refundId, '--reason', 'customer says nothing arrived']);
    expect(code).toBe(1);
    const answer = JSON.parse(output);
    expect(answer.error.code).toBe('provider_shows_refund');
    expect(answer.providerShows).toBeDefined();
    expect(harness.executed('gatepay:sandbox', order.orderId)).toHaveLength(1);
    const events = await run(['events', refundId, '--json']);
    expect(JSON.parse(events.output).events.at(-1)).toMatchObject({
      type: 'resend_refused',
      data: { actor: 'ops-bob', reason: 'customer says nothing arrived' },
    });
  }, 60_000);

  it('refund takes a destination and provider options, so a crypto payout can be refunded from the CLI', async () => {
    const account = 'coincorner:sandbox';
    const order: DemoOrder = await harness.freshOrder(account);
    const destination = order.destination as { address: string; network: string };
    const refundId = `cli${Date.now().toString(36)}`;
    const { code, output } = await run([
      'refund',
      '--refund-id',
      refundId,
      '--order-id',
      order.orderId,
      '--amount',
      order.amount.amount,
      '--currency',
      order.amount.currency,
      '--account',
      account,
      '--address',
      destination.address,
      '--network',
      destination.network,
    ]);
    expect(code, output).toBe(0);
    expect(JSON.parse(output)).toMatchObject({
      refundId,
      account,
      state: expect.stringMatching(/pending|succeeded/),
    });
    expect(harness.executed(account, order.orderId)).toHaveLength(1);

    const gatepay = await harness.freshOrder('gatepay:sandbox');
    const options = Object.entries(gatepay.providerOptions ?? {}).flatMap(([key, value]) => [
      '--provider-option',
      `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`,
    ]);
    const gatepayRefund = await run([
      'refund',
      '--refund-id',
      `clig${Date.now().toString(36)}`,
      '--order-id',
      gatepay.orderId,
      '--amount',
      gatepay.amount.amount,
      '--currency',
      gatepay.amount.currency,
      '--account',
      'gatepay:sandbox',
      ...(gatepay.destination?.address ? ['--address', gatepay.destination.address] : []),
      ...(gatepay.destination?.network ? ['--network', gatepay.destination.network] : []),
      ...options,
    ]);
    expect(gatepayRefund.code, gatepayRefund.output).toBe(0);
    expect(harness.executed('gatepay:sandbox', gatepay.orderId)).toHaveLength(1);
  }, 60_000);
});
