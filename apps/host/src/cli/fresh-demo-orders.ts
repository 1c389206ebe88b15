import type { DemoOrder, RunningSandbox } from '@refunds/core';

export interface FreshDemoOrdersOptions {
  demoOrders: ReadonlyMap<string, readonly DemoOrder[]>;
  sandboxes: ReadonlyMap<string, Pick<RunningSandbox, 'seedOrder'>>;
  /** Whether the ledger already holds a refund of this order, from an earlier run. */
  isUsed(account: string, orderId: string): Promise<boolean>;
  /** How many replacement orders to seed for one demo order before giving it up. Default 1000. */
  maximumAttempts?: number;
}

/**
 * The demo orders, each replaced by a newly seeded one of the same amount while the ledger already knows its
 * id. Sandboxes are in memory and the sandbox ledger is not, so a sandbox that numbers its orders from the same
 * start every run (CoinCorner's does) would offer an order the ledger holds a refund of from an earlier run,
 * and the demo refund would be refused ("one refund per order") or reconciled against the wrong order.
 */
export async function freshDemoOrders(
  options: FreshDemoOrdersOptions,
): Promise<{ demoOrders: Map<string, DemoOrder[]>; warnings: string[] }> {
  const maximumAttempts = options.maximumAttempts ?? 1_000;
  const demoOrders = new Map<string, DemoOrder[]>();
  const warnings: string[] = [];
  for (const [account, orders] of options.demoOrders) {
    const sandbox = options.sandboxes.get(account);
    const fresh: DemoOrder[] = [];
    for (const order of orders) {
      let candidate = order;
      let attempts = 0;
      let used = await options.isUsed(account, candidate.orderId);
      while (used && sandbox !== undefined && attempts < maximumAttempts) {
        attempts += 1;
        // The seeded order's own id, destination and description; the demo's other hints stay.
        candidate = { ...order, ...(await sandbox.seedOrder({ amount: order.amount })) };
        used = await options.isUsed(account, candidate.orderId);
      }
      if (!used) {
        fresh.push(candidate);
        continue;
      }
      warnings.push(
        `${account}: found no ${order.amount.amount} ${order.amount.currency} demo order the ledger does not ` +
          `already hold a refund of (${attempts} tried)`,
      );
    }
    demoOrders.set(account, fresh);
  }
  return { demoOrders, warnings };
}
