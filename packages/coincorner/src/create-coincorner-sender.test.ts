import type { NonceSource, RefundProviderV1 } from '@refunds/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createCoinCornerSandbox, type RunningCoinCornerSandbox } from './sandbox/create-coincorner-sandbox';

/**
 * A separate host process: a fresh copy of the package's modules, so its own in-process nonce memory and its own
 * per-key queue, exactly what a second process sharing the API key has.
 */
async function startProcess() {
  vi.resetModules();
  const { createCoinCorner } = await import('./create-coincorner');
  const { nextCoinCornerNonce } = await import('./next-coincorner-nonce');
  return { createCoinCorner, nextCoinCornerNonce };
}

/** A nonce store kept outside the processes, as the host keeps one in its ledger. */
function ledgerNonceSource(initialLast = 0): NonceSource & { last: number } {
  const ledger = {
    last: initialLast,
    async next(floor: number) {
      ledger.last = Math.max(floor, ledger.last + 1);
      return ledger.last;
    },
  };
  return ledger;
}

// A fresh sandbox per test: CoinCorner's last nonce for the key is part of what each test sets up.
let sandbox: RunningCoinCornerSandbox;
beforeEach(async () => {
  sandbox = await createCoinCornerSandbox({ settleAfterMs: 60_000, nonceRule: 'strict' });
});
afterEach(() => sandbox.close());

const noncesSeen = (since: number) =>
  sandbox.requests
    .slice(since)
    .map((request) => BigInt(new URLSearchParams(request.text).get('Nonce') ?? '0'));
const refusedForNonce = (since: number) => {
  const nonces = noncesSeen(since);
  return nonces.filter((nonce, index) => nonces.slice(0, index).some((earlier) => earlier >= nonce)).length;
};

/**
 * Each round, every provider refunds one order and reads it back: concurrently (the processes race), or one
 * provider after the other (interleaved, each request answered before the next process sends).
 */
async function refundEach(providers: RefundProviderV1[], rounds: number, concurrently = true) {
  const refundAndRead = async (provider: RefundProviderV1) => {
    const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'GBP' } });
    const result = await provider.refund({
      refundId: `nonce-${order.orderId}`,
      orderId: order.orderId,
      amount: order.amount,
      destination: order.destination,
    });
    return provider.getRefund({ refundId: result.refundId, orderId: order.orderId });
  };
  const results = [];
  for (let round = 0; round < rounds; round++) {
    if (concurrently) results.push(...(await Promise.all(providers.map(refundAndRead))));
    else for (const provider of providers) results.push(await refundAndRead(provider));
  }
  return results;
}

// Dozens of real round trips each, on a machine that may be busy.
describe('nonces across processes sharing one API key', { timeout: 30_000 }, () => {
  it('loses no request when two processes with their own nonce memory interleave (refused nonces are resent)', async () => {
    const first = await startProcess();
    const second = await startProcess();
    // The first process's clock runs 500 ms ahead: its nonces beat the second's until the second's retry jumps
    // ahead of it (retries jump 10 ms, 100 ms, then 1 s; a larger skew needs the shared source below).
    first.nextCoinCornerNonce(sandbox.settings.apiKey, () => Date.now() + 500);
    const since = sandbox.requests.length;
    const results = await refundEach(
      [first.createCoinCorner(sandbox.settings), second.createCoinCorner(sandbox.settings)],
      6,
    );
    expect(results).toHaveLength(12);
    expect(results.every((result) => result.status === 'pending')).toBe(true);
    expect(sandbox.executedRefunds()).toHaveLength(12);
    // Nonces were refused (and the requests resent): the retry is what kept every refund.
    expect(refusedForNonce(since)).toBeGreaterThan(0);
  });

  it('sends only increasing nonces when the processes share one nonce source', async () => {
    const ledger = ledgerNonceSource();
    const first = await startProcess();
    const second = await startProcess();
    // The same skew as above, which the shared source makes harmless.
    first.nextCoinCornerNonce(sandbox.settings.apiKey, () => Date.now() + 500);
    const since = sandbox.requests.length;
    const providers = [first, second].map((process) =>
      process.createCoinCorner({ ...sandbox.settings, nonceSource: ledger }),
    );
    // Interleaved, not raced: two processes taking nonces at the same instant may still send them in the
    // opposite order (taking and sending are not one step); the retry above covers that case.
    const results = await refundEach(providers, 6, false);
    expect(results.every((result) => result.status === 'pending')).toBe(true);
    const nonces = noncesSeen(since);
    // Per refund: GetOrder, RefundOrder, CheckOrder; none refused and resent.
    expect(nonces.length).toBe(6 * 2 * 3);
    for (let index = 1; index < nonces.length; index++) {
      expect((nonces[index] ?? 0n) > (nonces[index - 1] ?? 0n)).toBe(true);
    }
  });

  it('still increases after a restart with the clock behind the last nonce sent', async () => {
    // The previous run's clock was an hour ahead; its last nonce is in the ledger and at CoinCorner.
    const ledger = ledgerNonceSource((Date.now() + 3_600_000) * 1000);
    const before = await startProcess();
    await refundEach([before.createCoinCorner({ ...sandbox.settings, nonceSource: ledger })], 1, false);
    const lastSent = ledger.last;

    const restarted = await startProcess();
    const since = sandbox.requests.length;
    const results = await refundEach(
      [restarted.createCoinCorner({ ...sandbox.settings, nonceSource: ledger })],
      2,
    );
    expect(results.every((result) => result.status === 'pending')).toBe(true);
    expect(noncesSeen(since).every((nonce) => nonce > BigInt(lastSent))).toBe(true);
    expect(refusedForNonce(since)).toBe(0);

    // Without the shared source, a restarted process knows only its clock: refused, resent, refused again,
    // then reported as a refusal that executed nothing, which the host may send again under the same id.
    const forgetful = await startProcess();
    const order = await sandbox.seedOrder({ amount: { amount: '5.00', currency: 'GBP' } });
    const error = await forgetful
      .createCoinCorner({ ...sandbox.settings, verifyOrderBeforeRefund: false })
      .refund({
        refundId: `forgetful-${order.orderId}`,
        orderId: order.orderId,
        amount: order.amount,
        destination: order.destination,
      })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'authentication', outcome: 'rejected', retryable: true });
    expect((error as Error).message).toContain('nothing was executed');
    expect(sandbox.orderStatus(order.orderId)).toBe(2);
  });
});
