import type { RunningSandbox } from '@refunds/core';

type Call = (method: string, path: string) => Promise<{ status: number; body: unknown }>;

const movingStates = ['sending', 'unknown', 'pending'] as const;

/**
 * Lets the reconciler finish: waits until no refund is being sent, unknown or pending, settling the
 * sandboxes' pending refunds meanwhile. Returns how many were still moving when the time ran out (none when
 * it did not).
 */
export async function waitForRestingLedger(input: {
  call: Call;
  sandboxes: ReadonlyMap<string, RunningSandbox>;
  timeoutMs: number;
  /**
   * After this long, asks for a status check of each refund still moving (`refunds sync`), as an operator
   * would, instead of waiting out a back-off that grew during the faults. Default: never.
   */
  syncAfterMs?: number;
}): Promise<Record<string, number>> {
  const started = Date.now();
  const deadline = started + input.timeoutMs;
  let settledAt = 0;
  for (;;) {
    const moving: Record<string, number> = {};
    const ids: string[] = [];
    for (const state of movingStates) {
      const response = await input.call('GET', `/v1/refunds?state=${state}&limit=100`);
      const refunds =
        response.status === 200 ? (response.body as { refunds: { refundId: string }[] }).refunds : [];
      if (response.status !== 200 || refunds.length > 0)
        moving[state] = response.status === 200 ? refunds.length : -1;
      ids.push(...refunds.map((refund) => refund.refundId));
    }
    if (Object.keys(moving).length === 0 || Date.now() > deadline) return moving;
    if (input.syncAfterMs !== undefined && Date.now() - started > input.syncAfterMs) {
      for (const id of ids) await input.call('POST', `/v1/refunds/${encodeURIComponent(id)}/sync`);
    }
    // Rarely, not on every poll: settling tens of thousands of sandbox refunds (CoinCorner's sandbox scans
    // every refund for each order) holds the event loop the sandboxes answer from, and answers slower than the
    // host's status-check timeout would only grow the reconciler's back-off.
    if (Date.now() - settledAt > 30_000) {
      settledAt = Date.now();
      await Promise.all([...input.sandboxes.values()].map((sandbox) => sandbox.settleAll()));
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
