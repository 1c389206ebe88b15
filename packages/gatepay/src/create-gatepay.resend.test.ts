import { RefundError, type RefundRequest } from '@refunds/core';
import { refundErrorOf as refusal } from '@refunds/core/testing';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { createGatePay } from './create-gatepay';
import { createGatePaySandbox, type GatePaySandbox } from './sandbox/create-gatepay-sandbox';
import type { GatePaySandboxOptions } from './sandbox/gatepay-sandbox-options';

// Issue 13: a refusal of a resend that the first attempt having executed would explain is evidence that it did,
// never a failure. Over the sandbox on loopback, with GatePay refusing reused refundRequestIds and declared
// natively idempotent, as an operator sets it once GatePay confirms that.

let sandboxes: GatePaySandbox[] = [];
afterEach(async () => {
  for (const sandbox of sandboxes) await sandbox.close();
  sandboxes = [];
});

async function setup(options: GatePaySandboxOptions = {}) {
  const sandbox = await createGatePaySandbox({
    settleAfterMs: 60_000,
    duplicateRefundRequestId: 'reject',
    ...options,
  });
  sandboxes.push(sandbox);
  const provider = createGatePay({ ...sandbox.settings, nativeIdempotency: true });
  const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' } });
  const request: RefundRequest = {
    refundId: 'resend-1',
    orderId: order.orderId,
    amount: { amount: '10', currency: 'USDT' },
  };
  return { sandbox, provider, order, request };
}

describe('refund resent after an unknown outcome (nativeIdempotency: true)', () => {
  it('declares native idempotency as configured', async () => {
    const { provider } = await setup();
    expect(provider.capabilities.nativeIdempotency).toBe(true);
  });

  it('keeps a first attempt refused as a duplicate rejected', async () => {
    const { provider, request, sandbox } = await setup();
    await provider.refund(request);
    const error = await refusal(provider.refund(request));
    expect(error).toMatchObject({ outcome: 'rejected', code: 'invalid_request', providerCode: '400001' });
    expect(sandbox.executedRefunds()).toHaveLength(1);
  });

  it('reads the same refusal of a resend as unknown, and says to reconcile', async () => {
    const { provider, request, sandbox } = await setup();
    await provider.refund(request);
    const error = await refusal(provider.refund(request, { resend: true }));
    expect(error).toMatchObject({ outcome: 'unknown', code: 'invalid_request', providerCode: '400001' });
    expect(error.message).toMatch(/getRefund/);
    expect(sandbox.executedRefunds()).toHaveLength(1);
  });

  it('surfaces unknown, never rejected, when the answer was lost, the read side lags and the resend is refused', async () => {
    const { provider, request, sandbox } = await setup({ readLagMs: 60_000 });
    sandbox.injectFault({ fault: { kind: 'reset-after-commit' }, path: '/v2/standard/order/refund' });
    const lost = await refusal(provider.refund(request));
    expect(lost.outcome).toBe('unknown');
    expect(sandbox.executedRefunds()).toHaveLength(1);

    // GatePay's read side has not caught up: "does not exist" is no proof of absence.
    expect(await refusal(provider.getRefund({ refundId: request.refundId }))).toMatchObject({
      code: 'not_found',
    });

    const resent = await refusal(provider.refund(request, { resend: true }));
    expect(resent.outcome).toBe('unknown');
    expect(resent.outcome).not.toBe('rejected');
    expect(sandbox.executedRefunds()).toEqual([
      expect.objectContaining({ refundId: request.refundId, amount: '10', status: 'pending' }),
    ]);
  });

  it('reads "nothing left to refund" on a resend as unknown too, and as rejected on a first attempt', async () => {
    const { provider, request, sandbox, order } = await setup();
    await provider.refund(request);
    const other = { ...request, refundId: 'resend-2', orderId: order.orderId };
    expect(await refusal(provider.refund(other))).toMatchObject({
      outcome: 'rejected',
      providerCode: '400608',
    });
    expect(await refusal(provider.refund(other, { resend: true }))).toMatchObject({
      outcome: 'unknown',
      providerCode: '400608',
    });
    expect(sandbox.executedRefunds()).toHaveLength(1);
  });

  it('keeps refusals that no executed attempt explains rejected on a resend', async () => {
    const { provider, request } = await setup();
    const error = await refusal(
      provider.refund({ ...request, orderId: '9999999999999999999' }, { resend: true }),
    );
    expect(error).toMatchObject({ outcome: 'rejected', code: 'not_found', providerCode: '400202' });
  });
});

describe('exactly once over random lost answers and resends (property)', () => {
  // Each refund id always carries the same body, as a host resends it; answers are lost at random after GatePay
  // committed; an id is sent again, with `resend`, only while its outcome is unknown.
  const amounts = ['1', '2.5', '4', '6'];
  const attempt = fc.record({ id: fc.integer({ min: 0, max: 3 }), lose: fc.boolean() });

  it('never calls a refund GatePay executed rejected, and never executes an id twice or more than was paid', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(attempt, { minLength: 1, maxLength: 8 }), async (attempts) => {
        const { sandbox, provider, order } = await setup();
        const unknownIds = new Set<number>();
        const finalIds = new Set<number>();
        for (const { id, lose } of attempts) {
          // A host sends a refund id again only while its outcome is unknown.
          if (finalIds.has(id)) continue;
          const refundId = `prop-${id}`;
          const resend = unknownIds.has(id);
          if (lose) sandbox.injectFault({ fault: { kind: 'reset-after-commit' } });
          const outcome = await provider
            .refund(
              { refundId, orderId: order.orderId, amount: { amount: amounts[id] ?? '1', currency: 'USDT' } },
              { resend },
            )
            .then(
              () => 'accepted' as const,
              (error: unknown) => (RefundError.isInstance(error) ? error.outcome : 'thrown'),
            );
          sandbox.clearFaults();
          const executed = sandbox.executedRefunds().some((record) => record.refundId === refundId);
          if (outcome === 'rejected' || outcome === 'not_sent') expect(executed, refundId).toBe(false);
          if (outcome === 'accepted') expect(executed, refundId).toBe(true);
          expect(outcome).not.toBe('thrown');
          if (outcome === 'unknown') unknownIds.add(id);
          else finalIds.add(id);
        }
        const executed = sandbox.executedRefunds();
        expect(new Set(executed.map((record) => record.refundId)).size).toBe(executed.length);
        const total = executed.reduce((sum, record) => sum + Number(record.amount), 0);
        expect(total).toBeLessThanOrEqual(10);
        await sandbox.close();
        sandboxes = sandboxes.filter((candidate) => candidate !== sandbox);
      }),
      { numRuns: 25 },
    );
  });
});
