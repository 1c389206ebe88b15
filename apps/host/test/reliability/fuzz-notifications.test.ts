import type { NotificationInput, RefundProviderV1 } from '@refunds/core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRuns, onlyRefundErrors, withinTime } from './fuzz-runs';
import { sandboxNotifications } from './sandbox-notifications';
import { type ReliabilityHost, refundBody, startReliabilityHost } from './start-reliability-host';

/**
 * Every provider's `verifyNotification` against forged input: arbitrary bodies and headers, and real signed
 * notifications with one byte changed. A forgery is refused with a RefundError; nothing else is ever thrown,
 * and nothing hangs.
 */

const runs = fuzzRuns(150);
let harness: ReliabilityHost;
let cases = 0;
const verifiers: {
  account: string;
  provider: RefundProviderV1;
  authentic: NotificationInput;
  signedBody: boolean;
}[] = [];

beforeAll(async () => {
  harness = await startReliabilityHost();
  for (const [account, sandbox] of harness.sandboxes) {
    const provider = harness.host.accounts.get(account)?.provider;
    if (!provider?.verifyNotification) continue;
    const source = sandboxNotifications(provider.provider, sandbox, provider.capabilities);
    if ('notApplicable' in source) continue;
    // A real refund, made behind the host's back, for a real signed notification to mutate.
    const order = await harness.freshOrder(account);
    const { account: _account, ...request } = refundBody(account, order, `fuzzn${Date.now().toString(36)}`);
    await provider.refund(request);
    await sandbox.settleAll();
    const authentic = source.build({ refundId: request.refundId, orderId: order.orderId }, 'latest');
    verifiers.push({ account, provider, authentic, signedBody: source.signedBody });
  }
}, 60_000);

afterAll(async () => {
  await harness?.close();
  console.log(`fuzz notifications: ${cases} forged notifications to ${verifiers.length} providers`);
});

const headerValue = fc.stringMatching(/^[\x20-\x7e]{0,80}$/);

const bodyOf = (input: NotificationInput): Uint8Array =>
  typeof input.body === 'string' ? new TextEncoder().encode(input.body) : input.body;

const headersOf = (input: NotificationInput): Record<string, string> =>
  input.headers instanceof Headers ? Object.fromEntries(input.headers) : { ...input.headers };

function verify(provider: RefundProviderV1, input: NotificationInput) {
  cases++;
  return withinTime(
    onlyRefundErrors(() => provider.verifyNotification?.(input)),
    10_000,
    `${provider.provider} verifyNotification`,
  );
}

describe('fuzzing every provider notification check', () => {
  it('has a provider that receives notifications to fuzz', () => {
    expect(verifiers.length).toBeGreaterThan(0);
  });

  it('accepts the authentic notifications the fuzzing starts from', async () => {
    for (const { provider, authentic } of verifiers) {
      const result = await verify(provider, authentic);
      expect(result, provider.provider).not.toBeInstanceOf(Error);
    }
  });

  it('refuses arbitrary bodies and headers with a RefundError, the real header names included', async () => {
    for (const { provider, authentic } of verifiers) {
      const realNames = Object.keys(headersOf(authentic));
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 512 })),
          fc.dictionary(
            fc.oneof(fc.constantFrom(...realNames), fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/)),
            headerValue,
            { maxKeys: 6 },
          ),
          fc.boolean(),
          async (body, headers, asHeaders) => {
            const result = await verify(provider, {
              body,
              headers: asHeaders ? new Headers(headers) : headers,
            });
            expect(result, `${provider.provider} accepted a forged notification`).toBeInstanceOf(Error);
          },
        ),
        { numRuns: runs },
      );
    }
  }, 300_000);

  it('refuses a real signed notification with any one byte of its body changed', async () => {
    for (const { provider, authentic, signedBody } of verifiers) {
      const bytes = bodyOf(authentic);
      await fc.assert(
        fc.asyncProperty(
          fc.nat({ max: bytes.length - 1 }),
          fc.integer({ min: 1, max: 255 }),
          async (index, delta) => {
            const changed = bytes.slice();
            changed[index] = ((changed[index] ?? 0) + delta) % 256;
            const result = await verify(provider, { body: changed, headers: headersOf(authentic) });
            // An unsigned webhook (CoinCorner) is authenticated by the key inside and re-reads the status
            // from the provider, so a change elsewhere may still verify; a signed body never may.
            if (signedBody)
              expect(result, `${provider.provider} accepted a changed body`).toBeInstanceOf(Error);
          },
        ),
        { numRuns: runs },
      );
    }
  }, 300_000);

  it('never throws anything but a RefundError when one header of a real notification is changed', async () => {
    for (const { provider, authentic } of verifiers) {
      const headers = headersOf(authentic);
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...Object.keys(headers)), headerValue, async (name, value) => {
          // The body stays authentic, so accepting is allowed; crashing or hanging is not.
          await verify(provider, { body: authentic.body, headers: { ...headers, [name]: value } });
        }),
        { numRuns: Math.max(20, Math.round(runs / 3)) },
      );
    }
  }, 300_000);
});
