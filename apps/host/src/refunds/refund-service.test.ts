import {
  type CallOptions,
  RefundError,
  type RefundProviderV1,
  type RefundRequest,
  type RefundResult,
} from '@refunds/core';
import fc from 'fast-check';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger } from '../ledger/ledger';
import { HostError } from './host-error';
import { createRefundService, type RefundServiceOptions } from './refund-service';

// The refund service against an in-memory ledger and a scripted provider: what it records before and after the
// call, when a repeated request is a replay and when it is a conflict, and when an id may be sent again.

let ledger: Ledger;

beforeEach(async () => {
  ledger = await createLedger({ sqlitePath: ':memory:' });
});
afterEach(async () => {
  await ledger.close();
});

const account = 'memorypay:main';

function answer(status: RefundResult['status'], extra: Partial<RefundResult> = {}): RefundResult {
  return {
    refundId: 'refund-1',
    provider: 'memorypay',
    status,
    amount: { amount: '1.00', currency: 'USD' },
    raw: {},
    ...extra,
  };
}

/** A provider whose refund calls answer from a script, recording what each call was given. */
function scriptedProvider(
  options: {
    multipleRefunds?: boolean;
    refund?: (request: RefundRequest, callOptions: CallOptions | undefined) => Promise<RefundResult>;
  } = {},
) {
  const calls: { request: RefundRequest; options: CallOptions | undefined }[] = [];
  const provider: RefundProviderV1 = {
    specificationVersion: 'refunds-v1',
    provider: 'memorypay',
    capabilities: {
      partialRefund: true,
      multipleRefunds: options.multipleRefunds ?? true,
      statusQuery: true,
      notifications: false,
      nativeIdempotency: true,
    },
    refund: (request, callOptions) => {
      calls.push({ request, options: callOptions });
      return options.refund ? options.refund(request, callOptions) : Promise.resolve(answer('succeeded'));
    },
    getRefund: () => Promise.reject(new Error('the refund service never looks up')),
  };
  return { provider, calls };
}

function service(provider: RefundProviderV1, options: Partial<RefundServiceOptions> = {}) {
  return createRefundService({
    ledger,
    accounts: new Map([[account, { provider }]]),
    instanceId: 'host-a',
    logger: pino({ level: 'silent' }),
    ...options,
  });
}

const request = (extra: Partial<RefundRequest> = {}): RefundRequest => ({
  refundId: 'refund-1',
  orderId: 'order-1',
  amount: { amount: '1.00', currency: 'USD' },
  reason: 'damaged',
  ...extra,
});

const refusal = (code: RefundError['code'], outcome: RefundError['outcome']) =>
  new RefundError({ code, outcome, provider: 'memorypay', message: `${code} (${outcome})` });

async function hostError(work: Promise<unknown>): Promise<HostError> {
  const error = await work.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(HostError);
  return error as HostError;
}

describe('createRefundService: one refund id, one provider call', () => {
  it('records the refund, calls the provider once as a first attempt, and records its answer', async () => {
    const { provider, calls } = scriptedProvider({
      refund: async () => answer('succeeded', { providerRefundId: 'p-1' }),
    });
    const { created, refund } = await service(provider).submit(account, request());
    expect(created).toBe(true);
    expect(refund).toMatchObject({
      refundId: 'refund-1',
      account,
      provider: 'memorypay',
      orderId: 'order-1',
      amount: '1.00',
      currency: 'USD',
      state: 'succeeded',
      providerRefundId: 'p-1',
    });
    expect(refund.leaseOwner).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options?.resend).toBe(false);
    expect(calls[0]?.options?.signal?.aborted).toBe(false);
    expect(calls[0]?.request).toEqual(request());
    expect((await ledger.events('refund-1')).map((event) => event.type).at(-1)).toBe('provider_accepted');
  });

  it('answers a repeated identical request with the same refund and no second call', async () => {
    const { provider, calls } = scriptedProvider();
    const refunds = service(provider);
    await refunds.submit(account, request());
    const again = await refunds.submit(account, request());
    expect(again.created).toBe(false);
    expect(again.refund.state).toBe('succeeded');
    expect(calls).toHaveLength(1);
  });

  it('takes the same request with its fields in another order for the same request', async () => {
    const { provider, calls } = scriptedProvider();
    const refunds = service(provider);
    await refunds.submit(account, request());
    const reordered: RefundRequest = {
      reason: 'damaged',
      amount: { currency: 'USD', amount: '1.00' },
      orderId: 'order-1',
      refundId: 'refund-1',
    };
    expect((await refunds.submit(account, reordered)).created).toBe(false);
    expect(calls).toHaveLength(1);
  });

  it('refuses a changed amount under the same refund id as a 409 conflict', async () => {
    const { provider, calls } = scriptedProvider();
    const refunds = service(provider);
    await refunds.submit(account, request());
    const error = await hostError(
      refunds.submit(account, request({ amount: { amount: '2.00', currency: 'USD' } })),
    );
    expect(error.status).toBe(409);
    expect(error.code).toBe('refund_id_conflict');
    expect(error.field).toBe('refundId');
    expect(error.message).toContain('refund-1');
    expect(calls).toHaveLength(1);
  });

  it('refuses a changed currency, order, reason or destination under the same refund id', async () => {
    const { provider } = scriptedProvider();
    const refunds = service(provider);
    await refunds.submit(account, request());
    for (const changed of [
      request({ amount: { amount: '1.00', currency: 'EUR' } }),
      request({ orderId: 'order-2' }),
      request({ reason: 'late' }),
      request({ destination: { address: 'bc1q-somewhere' } }),
    ]) {
      expect((await hostError(refunds.submit(account, changed))).status).toBe(409);
    }
  });

  it('refuses any other amount under the same refund id (property)', async () => {
    const { provider } = scriptedProvider();
    const refunds = service(provider);
    await refunds.submit(account, request());
    await fc.assert(
      fc.asyncProperty(
        fc
          .tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 }))
          .map(([units, cents]) => `${units}.${String(cents).padStart(2, '0')}`)
          .filter((amount) => amount !== '1.00'),
        async (amount) => {
          const error = await hostError(
            refunds.submit(account, request({ amount: { amount, currency: 'USD' } })),
          );
          expect(error.status).toBe(409);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('refuses an unknown account with 422, naming the accounts it knows', async () => {
    const { provider, calls } = scriptedProvider();
    const error = await hostError(service(provider).submit('memorypay:other', request()));
    expect(error.status).toBe(422);
    expect(error.code).toBe('unknown_account');
    expect(error.field).toBe('account');
    expect(error.message).toContain('"memorypay:other"');
    expect(error.message).toContain(account);
    expect(calls).toHaveLength(0);
    expect(await ledger.getRefund('refund-1')).toBeUndefined();
  });

  it('keeps a pending answer on the reconciler schedule', async () => {
    const { provider } = scriptedProvider({ refund: async () => answer('pending') });
    const before = Date.now();
    const { refund } = await service(provider).submit(account, request());
    expect(refund.state).toBe('pending');
    expect(refund.nextCheckAt!.getTime()).toBeGreaterThanOrEqual(before + 2_000);
    expect(refund.nextCheckAt!.getTime()).toBeLessThanOrEqual(Date.now() + 2_000);
  });
});

describe('createRefundService: what a failed call records', () => {
  it('records a lost answer as unknown, for the reconciler, never failed', async () => {
    const { provider } = scriptedProvider({
      refund: () => Promise.reject(refusal('network', 'unknown')),
    });
    const { refund } = await service(provider).submit(account, request());
    expect(refund).toMatchObject({ state: 'unknown', failureOutcome: 'unknown' });
    expect(refund.nextCheckAt).toBeInstanceOf(Date);
    expect((await ledger.events('refund-1')).at(-1)?.type).toBe('provider_failed');
  });

  it('records an unexpected error as unknown: the refund may have been executed', async () => {
    const { provider } = scriptedProvider({ refund: () => Promise.reject(new Error('socket hang up')) });
    const { refund } = await service(provider).submit(account, request());
    expect(refund).toMatchObject({ state: 'unknown', failure: { code: 'internal' } });
  });

  it('records a refusal of the refund itself as failed and rejected, and never sends it again', async () => {
    const { provider, calls } = scriptedProvider({
      refund: () => Promise.reject(refusal('declined', 'rejected')),
    });
    const refunds = service(provider);
    const { refund } = await refunds.submit(account, request());
    expect(refund).toMatchObject({
      state: 'failed',
      failureOutcome: 'rejected',
      failure: { code: 'declined' },
    });
    expect(refund.nextCheckAt).toBeUndefined();
    const again = await refunds.submit(account, request());
    expect(again).toMatchObject({ created: false, refund: { state: 'failed' } });
    expect(calls).toHaveLength(1);
  });

  it.each([
    ['not_sent', 'network'],
    ['rejected', 'rate_limited'],
    ['rejected', 'authentication'],
    ['rejected', 'provider_unavailable'],
  ] as const)(
    'sends a refund refused %s (%s) again under its id when the same request comes',
    async (outcome, code) => {
      let attempt = 0;
      const { provider, calls } = scriptedProvider({
        refund: () =>
          attempt++ === 0 ? Promise.reject(refusal(code, outcome)) : Promise.resolve(answer('succeeded')),
      });
      const refunds = service(provider);
      const first = await refunds.submit(account, request());
      expect(first.refund).toMatchObject({ state: 'failed', failureOutcome: 'not_sent' });
      const again = await refunds.submit(account, request());
      expect(again).toMatchObject({ created: false, refund: { state: 'succeeded' } });
      expect(again.refund.failure).toBeUndefined();
      expect(again.refund.failureOutcome).toBeUndefined();
      expect(calls).toHaveLength(2);
      expect(calls[1]?.options?.resend).toBe(false);
      const events = await ledger.events('refund-1');
      const sendingAgain = events.find((event) => event.type === 'sending_again');
      expect(sendingAgain?.data).toMatchObject({ failure: { code } });
    },
  );

  it('does not send a refund that never left again when the retry has another body', async () => {
    const { provider, calls } = scriptedProvider({
      refund: () => Promise.reject(refusal('network', 'not_sent')),
    });
    const refunds = service(provider);
    await refunds.submit(account, request());
    const error = await hostError(
      refunds.submit(account, request({ amount: { amount: '5.00', currency: 'USD' } })),
    );
    expect(error.status).toBe(409);
    expect(calls).toHaveLength(1);
  });

  it('records the retry of a refund that never left under a fresh lease that it then releases', async () => {
    let attempt = 0;
    const seen: (string | undefined)[] = [];
    const { provider } = scriptedProvider({
      refund: async (request) => {
        const refund = await ledger.getRefund(request.refundId);
        seen.push(
          `${refund?.state}:${refund?.leaseOwner}:${(refund?.leaseUntil?.getTime() ?? 0) > Date.now()}`,
        );
        if (attempt++ === 0) throw refusal('network', 'not_sent');
        return answer('succeeded');
      },
    });
    const refunds = service(provider);
    await refunds.submit(account, request());
    const again = await refunds.submit(account, request());
    expect(seen).toEqual(['sending:host-a:true', 'sending:host-a:true']);
    expect(again.refund.leaseOwner).toBeUndefined();
    expect(again.refund.sentAt).toBeInstanceOf(Date);
  });
});

describe('createRefundService: one refund per order where the provider takes only one', () => {
  it('refuses a second refund of an order before sending it, naming the first', async () => {
    const { provider, calls } = scriptedProvider({ multipleRefunds: false });
    const refunds = service(provider);
    await refunds.submit(account, request());
    const second = await refunds.submit(account, request({ refundId: 'refund-2' }));
    expect(second.created).toBe(true);
    expect(second.refund).toMatchObject({
      state: 'failed',
      failureOutcome: 'not_sent',
      failure: { code: 'declined' },
    });
    expect(second.refund.failure?.message).toContain('refund-1');
    expect(second.refund.failure?.message).toContain('order-1');
    expect(second.refund.leaseOwner).toBeUndefined();
    expect(second.refund.nextCheckAt).toBeUndefined();
    expect(calls.map((call) => call.request.refundId)).toEqual(['refund-1']);
    expect((await ledger.events('refund-2')).at(-1)).toMatchObject({
      type: 'provider_failed',
      data: { outcome: 'not_sent' },
    });
  });

  it('sends a second refund of an order whose first one failed', async () => {
    let attempt = 0;
    const { provider, calls } = scriptedProvider({
      multipleRefunds: false,
      refund: () =>
        attempt++ === 0
          ? Promise.reject(refusal('declined', 'rejected'))
          : Promise.resolve(answer('succeeded')),
    });
    const refunds = service(provider);
    await refunds.submit(account, request());
    const second = await refunds.submit(account, request({ refundId: 'refund-2' }));
    expect(second.refund.state).toBe('succeeded');
    expect(calls).toHaveLength(2);
  });

  it('also refuses the retry of a refund that never left once another refund of the order exists', async () => {
    let attempt = 0;
    const { provider, calls } = scriptedProvider({
      multipleRefunds: false,
      refund: () =>
        attempt++ === 0
          ? Promise.reject(refusal('network', 'not_sent'))
          : Promise.resolve(answer('succeeded')),
    });
    const refunds = service(provider);
    await refunds.submit(account, request());
    await refunds.submit(account, request({ refundId: 'refund-2' }));
    const retried = await refunds.submit(account, request());
    expect(retried.created).toBe(false);
    expect(retried.refund).toMatchObject({ state: 'failed', failureOutcome: 'not_sent' });
    expect(retried.refund.failure?.message).toContain('refund-2');
    expect(calls.map((call) => call.request.refundId)).toEqual(['refund-1', 'refund-2']);
  });

  it('sends refunds of the same order to a provider that takes several', async () => {
    const { provider, calls } = scriptedProvider({ multipleRefunds: true });
    const refunds = service(provider);
    await refunds.submit(account, request());
    const second = await refunds.submit(account, request({ refundId: 'refund-2' }));
    expect(second.refund.state).toBe('succeeded');
    expect(calls).toHaveLength(2);
  });
});

describe('createRefundService: concurrency', () => {
  it('answers an identical request arriving during the call with the recorded outcome, after the call', async () => {
    let release: () => void = () => {};
    const { provider, calls } = scriptedProvider({
      refund: () =>
        new Promise((resolve) => {
          release = () => resolve(answer('succeeded'));
        }),
    });
    const refunds = service(provider);
    const first = refunds.submit(account, request());
    while (calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = refunds.submit(account, request());
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(refunds.inFlight).toBe(2);
    release();
    const [one, two] = await Promise.all([first, second]);
    expect(one.refund.state).toBe('succeeded');
    expect(two).toMatchObject({ created: false, refund: { state: 'succeeded' } });
    expect(calls).toHaveLength(1);
    expect(refunds.inFlight).toBe(0);
  });

  it('refuses with 503 while another refund of the order holds its lock longer than the wait', async () => {
    const { provider, calls } = scriptedProvider();
    expect(await ledger.acquireOrderLock(account, 'order-1', 'someone-else', 60_000)).toBe(true);
    const error = await hostError(service(provider, { waitMs: 60 }).submit(account, request()));
    expect(error.status).toBe(503);
    expect(error.code).toBe('order_busy');
    expect(error.message).toContain('order-1');
    expect(calls).toHaveLength(0);
  });

  it('waits for the order lock and sends once it is released', async () => {
    const { provider, calls } = scriptedProvider();
    await ledger.acquireOrderLock(account, 'order-1', 'someone-else', 60_000);
    const pending = service(provider, { waitMs: 5_000 }).submit(account, request());
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(calls).toHaveLength(0);
    await ledger.releaseOrderLock(account, 'order-1', 'someone-else');
    expect((await pending).refund.state).toBe('succeeded');
  });

  it('releases the order lock after the call, whatever the outcome', async () => {
    const { provider } = scriptedProvider({ refund: () => Promise.reject(new Error('boom')) });
    await service(provider).submit(account, request());
    expect(await ledger.acquireOrderLock(account, 'order-1', 'someone-else', 60_000)).toBe(true);
  });

  it('drains: resolves once every refund being sent is recorded', async () => {
    let release: () => void = () => {};
    const { provider, calls } = scriptedProvider({
      refund: () =>
        new Promise((resolve) => {
          release = () => resolve(answer('succeeded'));
        }),
    });
    const refunds = service(provider);
    void refunds.submit(account, request());
    while (calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    let drained = false;
    const draining = refunds.drain().then(() => {
      drained = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(drained).toBe(false);
    release();
    await draining;
    expect((await ledger.getRefund('refund-1'))?.state).toBe('succeeded');
  });

  it('records the refund as sending under its lease before the provider is called', async () => {
    let seen: unknown;
    const { provider } = scriptedProvider({
      refund: async () => {
        seen = await ledger.getRefund('refund-1');
        return answer('succeeded');
      },
    });
    await service(provider, { leaseMs: 30_000 }).submit(account, request());
    expect(seen).toMatchObject({ state: 'sending', leaseOwner: 'host-a' });
    const leaseUntil = (seen as { leaseUntil: Date }).leaseUntil.getTime();
    expect(leaseUntil).toBeGreaterThan(Date.now() + 25_000);
    expect(leaseUntil).toBeLessThanOrEqual(Date.now() + 30_000);
  });

  it('leaves the outcome to whoever took the refund over when its lease was lost', async () => {
    const { provider } = scriptedProvider({
      refund: async () => {
        // A reconciler that saw the lease expire has claimed the refund and recorded its own finding.
        await ledger.transition('refund-1', {
          from: ['sending'],
          patch: { state: 'needs_attention', leaseOwner: 'host-b' },
          event: { type: 'needs_attention', data: {} },
        });
        return answer('succeeded');
      },
    });
    const { refund } = await service(provider).submit(account, request());
    expect(refund.state).toBe('needs_attention');
  });

  it('ends the provider call before the lease does', async () => {
    let signal: AbortSignal | undefined;
    const { provider } = scriptedProvider({
      refund: (_request, callOptions) => {
        signal = callOptions?.signal;
        return new Promise((_resolve, reject) => {
          callOptions?.signal?.addEventListener('abort', () => reject(refusal('timeout', 'unknown')));
        });
      },
    });
    const started = Date.now();
    // A lease of seven seconds leaves the call two: five before the lease ends.
    const { refund } = await service(provider, { leaseMs: 7_000 }).submit(account, request());
    const took = Date.now() - started;
    expect(signal?.aborted).toBe(true);
    expect(took).toBeGreaterThanOrEqual(1_900);
    expect(took).toBeLessThan(5_000);
    expect(refund.state).toBe('unknown');
  });
});

describe('createRefundService: a recorded refund is answered without waiting for its order', () => {
  it('replays a settled refund at once, even while another refund of its order holds the lock', async () => {
    const { provider, calls } = scriptedProvider();
    const refunds = service(provider, { waitMs: 5_000 });
    await refunds.submit(account, request());
    await ledger.acquireOrderLock(account, 'order-1', 'someone-else', 60_000);
    const started = Date.now();
    const again = await refunds.submit(account, request());
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(again).toMatchObject({ created: false, refund: { state: 'succeeded' } });
    expect(calls).toHaveLength(1);
  });

  it('replays a refund the provider refused at once, and sends nothing', async () => {
    const { provider, calls } = scriptedProvider({
      refund: () => Promise.reject(refusal('declined', 'rejected')),
    });
    const refunds = service(provider, { waitMs: 5_000 });
    await refunds.submit(account, request());
    await ledger.acquireOrderLock(account, 'order-1', 'someone-else', 60_000);
    const started = Date.now();
    expect((await refunds.submit(account, request())).refund.state).toBe('failed');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(calls).toHaveLength(1);
  });

  it('refuses a changed body under the id of a refund that never left at once, while its order is busy', async () => {
    const { provider } = scriptedProvider({ refund: () => Promise.reject(refusal('network', 'not_sent')) });
    const refunds = service(provider, { waitMs: 5_000 });
    await refunds.submit(account, request());
    await ledger.acquireOrderLock(account, 'order-1', 'someone-else', 60_000);
    const started = Date.now();
    const error = await hostError(refunds.submit(account, request({ reason: 'other' })));
    expect(error.status).toBe(409);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('records a new refund without reading the ledger first', async () => {
    const { provider } = scriptedProvider();
    const steps: string[] = [];
    const watched = createRefundService({
      ledger: {
        ...ledger,
        getRefund: async (refundId: string) => {
          steps.push('read');
          return ledger.getRefund(refundId);
        },
        recordRefund: async (input, lock) => {
          steps.push('record');
          return ledger.recordRefund(input, lock);
        },
      },
      accounts: new Map([[account, { provider }]]),
      instanceId: 'host-b',
      logger: pino({ level: 'silent' }),
    });
    const result = await watched.submit(account, request());
    expect(result).toMatchObject({ created: true, refund: { state: 'succeeded' } });
    expect(steps).toEqual(['record']);
  });

  it('replays a refund another instance recorded, found by the record itself, without a second call', async () => {
    const { provider, calls } = scriptedProvider();
    await service(provider).submit(account, request());
    // The first pass of a request records without looking first: the record finds the id taken.
    const reads: string[] = [];
    const other = createRefundService({
      ledger: {
        ...ledger,
        getRefund: async (refundId: string) => {
          reads.push(refundId);
          return ledger.getRefund(refundId);
        },
      },
      accounts: new Map([[account, { provider }]]),
      instanceId: 'host-b',
      logger: pino({ level: 'silent' }),
    });
    const again = await other.submit(account, request());
    expect(again).toMatchObject({ created: false, refund: { state: 'succeeded' } });
    expect(calls).toHaveLength(1);
    // Read once, to answer with the refund as it stands, not before the record.
    expect(reads).toEqual(['refund-1']);
  });

  it('queues two refunds of one order in one process', async () => {
    const releases: (() => void)[] = [];
    const { provider, calls } = scriptedProvider({
      refund: () =>
        new Promise((resolve) => {
          releases.push(() => resolve(answer('succeeded')));
        }),
    });
    const refunds = service(provider, { waitMs: 5_000 });
    const first = refunds.submit(account, request());
    while (calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    const second = refunds.submit(account, request({ refundId: 'refund-2' }));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(calls).toHaveLength(1);
    releases[0]?.();
    await first;
    while (calls.length < 2) await new Promise((resolve) => setTimeout(resolve, 5));
    releases[1]?.();
    expect((await second).refund.state).toBe('succeeded');
  });

  it('logs a failed provider call with the refund and the account', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(line) });
    const { provider } = scriptedProvider({ refund: () => Promise.reject(refusal('timeout', 'unknown')) });
    await service(provider, { logger }).submit(account, request());
    const logged = JSON.parse(lines.at(-1) ?? '{}');
    expect(logged).toMatchObject({
      msg: 'provider call failed',
      refundId: 'refund-1',
      account,
      error: { code: 'timeout', outcome: 'unknown' },
    });
  });

  it('records why a refund that never left is sent again', async () => {
    let attempt = 0;
    const { provider } = scriptedProvider({
      refund: () =>
        attempt++ === 0
          ? Promise.reject(refusal('network', 'not_sent'))
          : Promise.resolve(answer('succeeded')),
    });
    const refunds = service(provider);
    await refunds.submit(account, request());
    await refunds.submit(account, request());
    const sendingAgain = (await ledger.events('refund-1')).find((event) => event.type === 'sending_again');
    expect(sendingAgain?.data).toMatchObject({
      reason: 'the earlier attempt provably never reached the provider',
    });
  });
});

describe('createRefundService: who asked', () => {
  /** The ledger, recording what each new refund is created with. */
  function recordingLedger() {
    const created: Parameters<Ledger['recordRefund']>[0][] = [];
    const recording = new Proxy(ledger, {
      get(target, property) {
        if (property === 'recordRefund') {
          return (...[input, lock]: Parameters<Ledger['recordRefund']>) => {
            created.push(input);
            return target.recordRefund(input, lock);
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    return { recording, created };
  }

  it("records the API key that asked in the refund's first event", async () => {
    const { provider } = scriptedProvider();
    const { recording, created } = recordingLedger();
    await service(provider, { ledger: recording }).submit(account, request(), 'ops-alice');
    expect(created).toHaveLength(1);
    expect(created[0]?.actor).toBe('ops-alice');
    expect((await ledger.events('refund-1'))[0]?.data).toMatchObject({ actor: 'ops-alice' });
  });

  it('records no actor at all when nobody is named', async () => {
    const { provider } = scriptedProvider();
    const { recording, created } = recordingLedger();
    await service(provider, { ledger: recording }).submit(account, request());
    expect(created).toHaveLength(1);
    expect(created[0]).not.toHaveProperty('actor');
    expect((await ledger.events('refund-1'))[0]?.data).not.toHaveProperty('actor');
  });
});
