import { RefundError, type RefundRequest } from '@refunds/core';
import { refundErrorOf as outcomeOf } from '@refunds/core/testing';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeIotPayFetch, fakeRequest, fakeSettings } from './__fixtures__/fake-iotpay-fetch';
import { createIotPay } from './create-iotpay';
import type { IotPaySettings } from './iotpay-settings';
import { createIotPaySandbox, type IotPaySandbox } from './sandbox/create-iotpay-sandbox';

const refused0014 = {
  retCode: 'SUCCESS',
  retMsg: '',
  resCode: 'FAIL',
  errCode: '0014',
  errCodeDes: 'mchRefundNo already exists',
};
const notFound = { retCode: 'FAIL', retMsg: 'refund order does not exist' };
const found = (fields: Record<string, unknown>) => ({
  retCode: 'SUCCESS',
  retMsg: '',
  mchId: fakeSettings.mchId,
  mchRefundNo: fakeRequest.refundId,
  refundAmount: '1050',
  status: '1',
  ...fields,
});

/** A fake IOTPay that refuses refund_order with 0014 and answers the refund query as told. */
function refusingIotPay(query: Record<string, unknown> | 'unavailable') {
  const signed = fakeIotPayFetch(
    (params) => (params.payOrderId ? refused0014 : query === 'unavailable' ? {} : query),
    fakeSettings.merchantKey,
  );
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const request = new Request(input, init);
    if (query === 'unavailable' && !request.url.endsWith('/v1/refund_order')) {
      return new Response('Service Unavailable', { status: 503 });
    }
    // The "does not exist" answer is unsigned, as IOTPay's retCode FAIL answers are.
    if (query === notFound && !request.url.endsWith('/v1/refund_order')) {
      return Response.json(notFound);
    }
    return signed.fetch(request);
  };
  return createIotPay({ ...fakeSettings, fetch });
}

describe('resolveRefusedRefund: what a 0014 refusal means after the refund lookup', () => {
  it('lets a first attempt refusal stand when the lookup says the refund does not exist', async () => {
    const error = await outcomeOf(refusingIotPay(notFound).refund(fakeRequest));
    expect([error.code, error.outcome, error.providerCode]).toEqual(['invalid_request', 'rejected', '0014']);
  });

  it('leaves a first attempt unknown when the lookup itself fails: a failed read proves nothing', async () => {
    const error = await outcomeOf(refusingIotPay('unavailable').refund(fakeRequest));
    expect([error.outcome, error.providerCode]).toEqual(['unknown', '0014']);
    expect(error.message).toMatch(/getRefund/);
  });

  it('leaves a resend unknown when the lookup says "does not exist": the read side may lag', async () => {
    const error = await outcomeOf(refusingIotPay(notFound).refund(fakeRequest, { resend: true }));
    expect([error.outcome, error.providerCode]).toEqual(['unknown', '0014']);
    expect(error.message).toMatch(/never send it again under a new refundId/);
  });

  it('leaves a resend unknown when the lookup fails', async () => {
    const error = await outcomeOf(refusingIotPay('unavailable').refund(fakeRequest, { resend: true }));
    expect(error.outcome).toBe('unknown');
  });

  it('returns the refund the earlier attempt made when the lookup finds it, on a resend too', async () => {
    const existing = found({ payOrderId: fakeRequest.orderId, refundOrderId: 'R01' });
    for (const options of [{}, { resend: true }]) {
      const result = await refusingIotPay(existing).refund(fakeRequest, options);
      expect(result).toMatchObject({
        refundId: fakeRequest.refundId,
        providerRefundId: 'R01',
        status: 'pending',
      });
    }
  });

  it('leaves a resend unknown when the found refund names no order, a first attempt duplicate', async () => {
    const existing = found({});
    const first = await outcomeOf(refusingIotPay(existing).refund(fakeRequest));
    expect([first.code, first.outcome]).toEqual(['duplicate', 'rejected']);
    const resent = await outcomeOf(refusingIotPay(existing).refund(fakeRequest, { resend: true }));
    expect(resent.outcome).toBe('unknown');
  });

  it('refuses a resend as duplicate only when the found refund is certainly another one', async () => {
    for (const other of [
      found({ payOrderId: fakeRequest.orderId, refundAmount: '999' }),
      found({ payOrderId: 'U_SOMEONE_ELSE' }),
    ]) {
      const error = await outcomeOf(refusingIotPay(other).refund(fakeRequest, { resend: true }));
      expect([error.code, error.outcome]).toEqual(['duplicate', 'rejected']);
    }
  });
});

describe('a resent refund whose first answer was lost, over the sandbox on loopback', () => {
  let sandbox: IotPaySandbox;
  let sequence = 0;
  const provider = () => createIotPay(sandbox.settings as IotPaySettings);
  const newRequest = async (amount = '4.00'): Promise<RefundRequest> => {
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'CAD' } });
    return {
      refundId: `L${Date.now().toString(36)}${sequence++}`,
      orderId: order.orderId,
      amount: { amount, currency: 'CAD' },
    };
  };
  const executions = (refundId: string) =>
    sandbox.executedRefunds().filter((refund) => refund.refundId === refundId).length;

  beforeAll(async () => {
    sandbox = await createIotPaySandbox({ settleAfterMs: 60_000 });
  });
  afterAll(() => sandbox.close());

  it('stays unknown, never rejected, when the resend gets 0014 and the lagging query cannot find it', async () => {
    sandbox.setReadLag(60_000);
    try {
      const request = await newRequest();
      sandbox.injectFault({ fault: { kind: 'reset-after-commit' }, path: '/v1/refund_order' });
      const lost = await outcomeOf(provider().refund(request));
      expect(lost.outcome).toBe('unknown');
      expect(executions(request.refundId)).toBe(1);
      // The status query lags: IOTPay's documented "does not exist".
      const lookup = await outcomeOf(provider().getRefund({ refundId: request.refundId }));
      expect([lookup.code, lookup.outcome]).toEqual(['not_found', 'rejected']);
      const resent = await outcomeOf(provider().refund(request, { resend: true }));
      expect([resent.outcome, resent.providerCode]).toEqual(['unknown', '0014']);
      expect(executions(request.refundId)).toBe(1);
    } finally {
      sandbox.setReadLag(0);
    }
  });

  it('stays unknown when the resend gets 0014 and the lookup fails with 503s', async () => {
    const request = await newRequest();
    sandbox.injectFault({ fault: { kind: 'reset-after-commit' }, path: '/v1/refund_order' });
    expect((await outcomeOf(provider().refund(request))).outcome).toBe('unknown');
    sandbox.injectFault({ fault: { kind: 'status', status: 503 }, path: '/v1/query_refund_order', times: 3 });
    const resent = await outcomeOf(provider().refund(request, { resend: true }));
    expect(resent.outcome).toBe('unknown');
    sandbox.clearFaults();
    // Once the read side answers, the resend reports the refund the first attempt made.
    expect(await provider().refund(request, { resend: true })).toMatchObject({ refundId: request.refundId });
    expect(executions(request.refundId)).toBe(1);
  });

  it('leaves an over-refund unknown on a first attempt when the lookup fails, rejected when it answers', async () => {
    const request = await newRequest('11.00');
    sandbox.injectFault({ fault: { kind: 'status', status: 503 }, path: '/v1/query_refund_order', times: 3 });
    const failedLookup = await outcomeOf(provider().refund(request));
    expect([failedLookup.outcome, failedLookup.providerCode]).toEqual(['unknown', '0014']);
    sandbox.clearFaults();
    const answered = await outcomeOf(provider().refund({ ...request, refundId: `${request.refundId}b` }));
    expect([answered.code, answered.outcome]).toEqual(['invalid_request', 'rejected']);
    expect(sandbox.executedRefunds().filter((refund) => refund.orderId === request.orderId)).toHaveLength(0);
  });

  it('never records an executed refund as rejected, whatever is lost or lags (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('none', 'reset-before-commit', 'reset-after-commit'),
        fc.constantFrom(0, 60_000),
        fc.boolean(),
        fc.integer({ min: 1, max: 1000 }),
        async (firstFault, readLagMs, lookupFails, cents) => {
          sandbox.clearFaults();
          sandbox.setReadLag(readLagMs);
          const amount = (cents / 100).toFixed(2);
          const request = await newRequest(amount);
          if (firstFault !== 'none') {
            sandbox.injectFault({ fault: { kind: firstFault }, path: '/v1/refund_order' });
          }
          let outcome: string;
          try {
            await provider().refund(request);
            outcome = 'accepted';
          } catch (error) {
            if (!RefundError.isInstance(error)) throw error;
            outcome = error.outcome;
          }
          if (outcome !== 'accepted' && outcome !== 'rejected') {
            if (lookupFails) {
              sandbox.injectFault({
                fault: { kind: 'status', status: 503 },
                path: '/v1/query_refund_order',
                times: 3,
              });
            }
            try {
              await provider().refund(request, { resend: outcome === 'unknown' });
              outcome = 'accepted';
            } catch (error) {
              if (!RefundError.isInstance(error)) throw error;
              outcome = error.outcome;
            }
          }
          const executed = executions(request.refundId);
          expect(executed).toBeLessThanOrEqual(1);
          if (executed === 1) expect(outcome).not.toBe('rejected');
          if (outcome === 'accepted') expect(executed).toBe(1);
        },
      ),
      { numRuns: 12 },
    );
    sandbox.clearFaults();
    sandbox.setReadLag(0);
  });
});
