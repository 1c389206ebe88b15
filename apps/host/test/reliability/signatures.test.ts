import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunningSandbox } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxAccounts, startSandboxAccounts } from '../../src/plugins/start-sandbox-accounts';
import { type SpawnedHost, spawnHost } from '../support/spawn-host';
import { freePort } from '../support/start-sandbox-host';
import { settleRefund } from './settle-refund';
import { refundBody } from './start-reliability-host';
import { waitForRestingLedger } from './wait-for-resting-ledger';

/**
 * A real host process logging at debug, so every provider exchange is logged with its bodies and headers, makes
 * one refund per provider and receives the providers' notifications. Every exchange, both ways, passes a
 * recording proxy that collects each signature it carries (IOTPay's `sign`, CoinCorner's `Signature`, GatePay's
 * and BonusPay's signature headers); none of them may appear in any log line.
 */

const apiKey = 'sk_live_signatures-test-5fQ2xW8mK3pZ';
const apiKeyHeader = { authorization: `Bearer ${apiKey}` };
let directory: string;
let sandboxAccounts: SandboxAccounts;
let host: SpawnedHost;
const proxies: RecordingProxy[] = [];
/** Signature values seen on the wire, by where they were seen. */
const signatures = new Map<string, string>();
let sequence = 0;

interface RecordingProxy {
  url: string;
  server: Server;
}

/** Forwards every request to `target` and records the signatures in both directions under `label`. */
async function startRecordingProxy(label: string, target: string): Promise<RecordingProxy> {
  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name))
        headers.set(name, value);
    }
    record(`${label} request ${request.url}`, request.url ?? '', headers, body);
    try {
      const answer = await fetch(`${target}${request.url}`, {
        method: request.method,
        headers,
        ...(body === '' ? {} : { body }),
      });
      const text = await answer.text();
      record(`${label} response ${request.url}`, '', answer.headers, text);
      const forwarded: Record<string, string> = {};
      for (const [name, value] of answer.headers) {
        if (
          !['connection', 'content-length', 'transfer-encoding', 'content-encoding', 'keep-alive'].includes(
            name,
          )
        )
          forwarded[name] = value;
      }
      response.writeHead(answer.status, forwarded).end(text);
    } catch (error) {
      response.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
  proxies.push(proxy);
  return proxy;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => resolve(body));
    request.on('error', reject);
  });
}

function record(where: string, url: string, headers: Headers, body: string) {
  for (const [name, value] of headers)
    if (/sign/i.test(name)) signatures.set(`${where} header ${name}`, value);
  for (const text of [url, body, safeDecode(url), safeDecode(body)]) {
    for (const match of text.matchAll(/"(sign|signature)"\s*:\s*"([^"]+)"/gi))
      signatures.set(`${where} ${match[1]}`, match[2] as string);
    for (const match of text.matchAll(/(?:^|[?&])(sign|signature)=([^&]+)/gi))
      signatures.set(`${where} ${match[1]}`, match[2] as string);
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replaceAll('+', ' '));
  } catch {
    return text;
  }
}

async function call(method: string, path: string, body?: unknown) {
  const response = await fetch(`${host.url}${path}`, {
    method,
    headers: { ...apiKeyHeader, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'refunds-signatures-'));
  const port = await freePort();
  // The sandboxes notify the host through a proxy too: notifications carry signatures as well.
  const notifications = await startRecordingProxy('notification', `http://127.0.0.1:${port}`);
  sandboxAccounts = await startSandboxAccounts({
    notificationUrl: (account) => `${notifications.url}/v1/notifications/${encodeURIComponent(account)}`,
    settleAfterMs: 200,
  });
  const config = structuredClone(sandboxAccounts.config);
  for (const [account, settings] of Object.entries(config.accounts)) {
    const baseUrl = new URL(String(settings.settings?.baseUrl));
    const proxy = await startRecordingProxy(account, baseUrl.origin);
    (settings.settings as Record<string, unknown>).baseUrl = `${proxy.url}${baseUrl.pathname}`.replace(
      /\/$/,
      '',
    );
  }
  const configPath = join(directory, 'refunds.config.json');
  writeFileSync(configPath, JSON.stringify(config));
  host = await spawnHost({
    port,
    configPath,
    cwd: directory,
    environment: {
      ...sandboxAccounts.environment,
      REFUNDS_API_KEYS: apiKey,
      REFUNDS_RECONCILE_INTERVAL_MS: '100',
      LOG_LEVEL: 'debug',
      DATABASE_URL: '',
    },
  });
}, 60_000);

afterAll(async () => {
  await host?.kill('SIGKILL');
  await sandboxAccounts?.close();
  for (const proxy of proxies) proxy.server.close();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('no signature in the logs', () => {
  it('logs every provider exchange at debug without a single signature value', async () => {
    for (const [account, sandbox] of sandboxAccounts.sandboxes as Map<string, RunningSandbox>) {
      const template = sandboxAccounts.demoOrders.get(account)?.[0];
      expect(template, account).toBeDefined();
      const order = { ...template!, ...(await sandbox.seedOrder({ amount: template!.amount })) };
      const body = refundBody(account, order, `sig${Date.now().toString(36)}${sequence++}`);
      const created = await call('POST', '/v1/refunds', body);
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      await sandbox.settleAll();
      expect((await settleRefund(call, body.refundId)).refund?.state, account).toBe('succeeded');
      // A status query too: reads are signed as well.
      await call('POST', `/v1/refunds/${body.refundId}/sync`);
    }
    await waitForRestingLedger({ call, sandboxes: sandboxAccounts.sandboxes, timeoutMs: 30_000 });
    // A graceful stop flushes the last log lines.
    await host.kill('SIGTERM');

    // The proxies saw each provider's signatures: IOTPay's sign, CoinCorner's Signature, GatePay's and
    // BonusPay's headers.
    const seen = [...signatures.keys()].join('\n');
    for (const account of sandboxAccounts.sandboxes.keys())
      expect(seen, account).toContain(`${account} request`);
    expect(seen).toMatch(/iotpay:sandbox request .* sign$/m);
    expect(seen).toMatch(/iotpay:sandbox response .* sign$/m);
    expect(seen).toMatch(/coincorner:sandbox request .* Signature$/m);
    expect(seen).toMatch(/gatepay:sandbox request .* header x-gatepay-signature$/m);
    expect(seen).toMatch(/bonuspay:sandbox request .* header sign$/m);

    const output = host.output();
    expect(output, 'debug logging of exchanges').toContain('provider exchange');
    const leaks = [...signatures]
      .filter(([, value]) => value.length >= 16)
      .filter(([, value]) => output.includes(value) || output.includes(encodeURIComponent(value)))
      .map(([where, value]) => `${where}: ${value}`);
    expect(leaks, leaks.join('\n')).toEqual([]);
  }, 120_000);
});
