import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRefunds } from '../../src/cli/audit-refunds';
import { startPostgres } from '../support/start-postgres';
import { fuzzRuns, withinTime } from './fuzz-runs';
import {
  describeBadAnswer,
  type HostileTarget,
  hostileRequest,
  nearValidRefund,
  toRequest,
} from './hostile-requests';
import { attentionEvidence, type RefundEventView } from './settle-refund';
import { type ReliabilityHost, startReliabilityHost } from './start-reliability-host';
import { waitForRestingLedger } from './wait-for-resting-ledger';

/**
 * Every host route against hostile input: arbitrary paths parameters, query strings, methods, headers, content
 * types and bodies, with and without a valid API key. The host answers each with a typed 4xx (an error body a
 * program can switch on) or a success, never a 500, never a hang, and never records a refund it could not
 * classify.
 */

const runs = fuzzRuns(150);
let harness: ReliabilityHost;
let postgres: Awaited<ReturnType<typeof startPostgres>>;
let postgresHarness: ReliabilityHost;
let routes: { method: string; path: string }[];
let cases = 0;
const outcomes = new Map<string, number>();

beforeAll(async () => {
  const rateLimit = { perSecond: 100_000, burst: 100_000 };
  postgres = await startPostgres();
  [harness, postgresHarness] = await Promise.all([
    startReliabilityHost({ host: { rateLimit } }),
    // The same input on PostgreSQL, which refuses some text SQLite stores (a NUL, for one).
    startReliabilityHost({ host: { rateLimit, databaseUrl: postgres.url } }),
  ]);
  const seen = new Set<string>();
  routes = harness.host.app.routes
    .filter((route) => route.method !== 'ALL')
    // The console answers people with HTML pages, not typed JSON errors; its own tests hold it to that.
    .filter((route) => !route.path.startsWith('/console'))
    .filter(
      (route) => !seen.has(`${route.method} ${route.path}`) && seen.add(`${route.method} ${route.path}`),
    )
    .map(({ method, path }) => ({ method, path }));
}, 60_000);

afterAll(async () => {
  await Promise.all([harness?.close(), postgresHarness?.close()]);
  await postgres?.stop();
  console.log(
    [
      `fuzz host routes: ${cases} requests to ${routes?.length ?? 0} routes`,
      ...[...outcomes].sort().map(([outcome, count]) => `  ${outcome.padEnd(48)} ${count}`),
    ].join('\n'),
  );
});

const target = (): HostileTarget => ({
  routes,
  apiKey: harness.apiKey,
  accounts: [...harness.sandboxes.keys()],
  demoOrders: harness.demoOrders,
});

async function checkResponse(response: Response, label: string, route = label): Promise<void> {
  const text = await response.text();
  const outcome = `${route} ${response.status}`;
  outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
  const problem = describeBadAnswer(
    response.status,
    text,
    response.ok && label.startsWith('POST /v1/refunds '),
  );
  expect(problem, `${label} -> ${response.status} ${text}`).toBeUndefined();
}

describe('fuzzing every host route', () => {
  it.each(['sqlite', 'postgres'])('refuses known hostile inputs with typed 4xx on %s', async (backend) => {
    const host = backend === 'sqlite' ? harness : postgresHarness;
    const forgedCursor = Buffer.from('[1e400,"x"]').toString('base64url');
    const requests: [string, string, string?][] = [
      ['GET', '/v1/refunds?cursor='],
      ['GET', '/v1/refunds?cursor=%25%25%25'],
      ['GET', `/v1/refunds?cursor=${forgedCursor}`],
      ['GET', '/v1/refunds?limit=ten'],
      ['GET', '/v1/refunds?state=bogus'],
      ['GET', '/v1/refunds?unknown=1'],
      ['GET', '/v1/refunds/%00'],
      ['GET', '/v1/refunds/%00/events'],
      ['POST', '/v1/refunds/a%00b/sync'],
      ['GET', '/v1/refunds?orderId=%00'],
      ['GET', '/v1/refunds?account=x%00'],
      ['GET', `/v1/refunds?cursor=${Buffer.from('[1,"\\u0000"]').toString('base64url')}`],
      ['GET', '/v1/refunds/__proto__/events'],
      ['POST', '/v1/refunds/constructor/sync'],
      ['POST', '/v1/refunds', 'null'],
      ['POST', '/v1/refunds', '[]'],
      ['POST', '/v1/refunds', '"x"'],
      [
        'POST',
        '/v1/refunds',
        '{"refundId":"a","orderId":"b","amount":{"amount":"1","currency":"USD"},"account":"__proto__"}',
      ],
      [
        'POST',
        '/v1/refunds',
        '{"__proto__":{"x":1},"refundId":"a","orderId":"b","amount":{"amount":"1","currency":"USD"}}',
      ],
      ['POST', '/v1/notifications/__proto__', '{}'],
      ['POST', '/v1/notifications/constructor', '{}'],
    ];
    for (const [method, path, body] of requests) {
      cases++;
      const response = await host.host.app.request(path, {
        method,
        headers: { authorization: `Bearer ${host.apiKey}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body }),
      });
      await checkResponse(response, `${method} ${path}`);
      expect(response.status, `${method} ${path}`).toBeGreaterThanOrEqual(400);
    }
  });

  it('answers in-process requests with typed 4xx or success, never 500 or a hang', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest(target()), async (sample) => {
        cases++;
        const { path, init } = toRequest(sample);
        const label = `${init.method} ${path}`;
        const response = await withinTime(
          Promise.resolve(harness.host.app.request(path, init)),
          10_000,
          label,
        );
        await checkResponse(
          response,
          `${init.method} ${sample.route.path} ${label}`,
          `${init.method} ${sample.route.path}`,
        );
      }),
      { numRuns: runs },
    );
  }, 300_000);

  it('records near-valid refunds in a state it can explain, or refuses them with a typed 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(nearValidRefund(target()), async (body) => {
        cases++;
        const response = await withinTime(
          Promise.resolve(
            harness.host.app.request('/v1/refunds', {
              method: 'POST',
              headers: { authorization: `Bearer ${harness.apiKey}`, 'content-type': 'application/json' },
              body: JSON.stringify(body),
            }),
          ),
          10_000,
          'POST /v1/refunds',
        );
        await checkResponse(
          response,
          `POST /v1/refunds ${JSON.stringify(body)}`,
          'POST /v1/refunds (near-valid)',
        );
      }),
      { numRuns: runs },
    );
  }, 300_000);

  it('answers in-process requests the same on PostgreSQL', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest(target()), async (sample) => {
        cases++;
        const { path, init } = toRequest(sample);
        const label = `${init.method} ${path}`;
        const response = await withinTime(
          Promise.resolve(postgresHarness.host.app.request(path, init)),
          10_000,
          label,
        );
        await checkResponse(
          response,
          `${init.method} ${sample.route.path} ${label}`,
          `${init.method} ${sample.route.path} (postgres)`,
        );
      }),
      { numRuns: Math.max(30, Math.round(runs / 3)) },
    );
  }, 300_000);

  it('answers the same over real HTTP, raw bytes and all', async () => {
    await fc.assert(
      fc.asyncProperty(hostileRequest(target()), async (sample) => {
        cases++;
        const { path, init } = toRequest(sample);
        const label = `${init.method} ${path}`;
        const response = await withinTime(fetch(`${harness.url}${path}`, init), 10_000, label);
        await checkResponse(
          response,
          `${init.method} ${sample.route.path} ${label}`,
          `${init.method} ${sample.route.path}`,
        );
      }),
      { numRuns: Math.max(20, Math.round(runs / 5)) },
    );
  }, 300_000);

  it('leaves every refund the fuzzing recorded at rest, and never contradicting its provider', async () => {
    const moving = await waitForRestingLedger({
      call: harness.call,
      sandboxes: harness.sandboxes,
      timeoutMs: 30_000,
    });
    expect(moving).toEqual({});
    const report = await auditRefunds({ ledger: harness.host.ledger, accounts: harness.host.accounts });
    // A refund handed to a person may disagree with the provider: that is why a person has it.
    const contradictions = report.differences.filter((entry) => entry.ledger !== 'needs_attention');
    expect(contradictions).toEqual([]);
    for (const entry of report.differences.filter((item) => item.ledger === 'needs_attention')) {
      const history = await harness.call('GET', `/v1/refunds/${encodeURIComponent(entry.refundId)}/events`);
      const events = (history.body as { events: RefundEventView[] }).events;
      expect(attentionEvidence(events), entry.refundId).toBeTruthy();
    }
  }, 60_000);
});
