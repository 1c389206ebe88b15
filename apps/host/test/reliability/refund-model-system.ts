import {
  decimalPlaces,
  fromMinorUnits,
  type Money,
  type NotificationInput,
  RefundError,
  type RefundRequest,
  toMinorUnits,
} from '@refunds/core';
import type { Ledger } from '../../src/ledger/ledger';
import { HostError } from '../../src/refunds/host-error';
import { type ModelInstance, ProcessDied, startModelInstance } from './refund-model-instance';
import type { ModelLedger } from './refund-model-ledgers';
import type { ModelSandbox } from './refund-model-sandboxes';

export interface ModelTiming {
  /** Leases of refunds and order locks: short, so that a dead instance's refunds are taken over in a run. */
  leaseMs: number;
  /** How long a request waits for an earlier refund of its order: longer than a lease, or it could never pass. */
  waitMs: number;
  /** The accounts' settle window: "not found" twice this far apart is proof of absence. */
  settleWindowMs: number;
  maximumPendingMs: number;
}

export interface ModelOrder {
  account: string;
  orderId: string;
  amount: Money;
  destination?: RefundRequest['destination'];
  providerOptions?: RefundRequest['providerOptions'];
}

export interface ModelRefund {
  account: string;
  request: RefundRequest;
}

export interface StoredNotification {
  account: string;
  about: string;
  input: NotificationInput;
}

export interface ModelSystem {
  readonly sandboxes: readonly ModelSandbox[];
  readonly orders: readonly ModelOrder[];
  /** Refund requests made so far (the first of each id); commands pick from these to repeat or sync. */
  readonly refunds: ModelRefund[];
  readonly notifications: StoredNotification[];
  readonly timing: ModelTiming;
  /** A connection to the run's ledger that no instance owns, for the checks. */
  readonly ledger: Ledger;
  /** The live process in slot 0 or 1; a dead one is replaced by a fresh process at once. */
  instance(slot: number): ModelInstance;
  instances(): ModelInstance[];
  newRefundId(): string;
  orderOf(account: string, index: number): ModelOrder;
  /** Runs `work` now and waits for it; a dead process or a refusal the host answers with is expected. */
  perform(label: string, work: () => Promise<unknown>): Promise<void>;
  /** Starts `work` without waiting, so the next commands interleave with it. */
  background(label: string, work: () => Promise<unknown>): void;
  /** Waits for every operation started, of live and dead processes; names those that hang. */
  awaitAll(timeoutMs: number): Promise<string[]>;
  /** Operations that failed in a way the host never should (a 500 to its caller). */
  readonly unexpected: string[];
  readonly deaths: number;
  close(): Promise<void>;
}

const ordersPerAccount = 2;

/**
 * One run's world: the shared sandboxes with fresh paid orders, a fresh ledger, and two host processes on it,
 * each restarted under a new instance id whenever it dies.
 */
export async function startModelSystem(input: {
  run: string;
  sandboxes: readonly ModelSandbox[];
  ledger: ModelLedger;
  timing: ModelTiming;
  /** Each sandbox's read lag to start with, in order; 0 where absent. */
  readLags: readonly number[];
}): Promise<ModelSystem> {
  const { sandboxes, timing } = input;
  sandboxes.forEach((sandbox, index) => {
    sandbox.running.clearFaults();
    sandbox.running.setReadLag(input.readLags[index] ?? 0);
  });
  const orders = (
    await Promise.all(
      sandboxes.map((sandbox) =>
        Promise.all(
          Array.from({ length: ordersPerAccount }, async (): Promise<ModelOrder> => {
            const { template } = sandbox;
            const order = await sandbox.running.seedOrder({ amount: template.amount });
            const destination = order.destination ?? template.destination;
            const providerOptions = order.providerOptions ?? template.providerOptions;
            return {
              account: sandbox.account,
              orderId: order.orderId,
              amount: order.amount,
              ...(destination ? { destination } : {}),
              ...(providerOptions ? { providerOptions } : {}),
            };
          }),
        ),
      ),
    )
  ).flat();

  const ledgers = [await input.ledger.connect(), await input.ledger.connect()];
  const checks = await input.ledger.connect();
  const slots: ModelInstance[] = [];
  const generations = [0, 0];
  let deaths = 0;
  let closing = false;
  const names = ['a', 'b'];
  const start = (slot: number) => {
    generations[slot] = (generations[slot] ?? 0) + 1;
    slots[slot] = startModelInstance({
      instanceId: `${names[slot]}${generations[slot]}`,
      ledger: ledgers[slot] as Ledger,
      sandboxes,
      ...timing,
      onDeath: () => {
        if (closing) return;
        deaths += 1;
        // A supervisor restarts the process at once, under a new id; the dead one's leases and locks must expire.
        start(slot);
      },
    });
  };
  start(0);
  start(1);

  const operations = new Map<Promise<unknown>, string>();
  const unexpected: string[] = [];
  let refundCount = 0;

  const settle = (label: string, work: () => Promise<unknown>): Promise<void> => {
    let running: Promise<unknown>;
    try {
      running = work();
    } catch (error) {
      running = Promise.reject(error);
    }
    const observed = running.then(
      () => undefined,
      (error: unknown) => {
        if (!expected(error)) unexpected.push(`${label}: ${describe(error)}`);
      },
    );
    operations.set(observed, label);
    void observed.finally(() => operations.delete(observed));
    return observed;
  };

  return {
    sandboxes,
    orders,
    refunds: [],
    notifications: [],
    timing,
    ledger: checks,
    instance: (slot) => slots[slot % 2] as ModelInstance,
    instances: () => [...slots],
    newRefundId: () => `${input.run}n${refundCount++}`,
    orderOf(account, index) {
      const ofAccount = orders.filter((order) => order.account === account);
      return ofAccount[index % ofAccount.length] as ModelOrder;
    },
    perform: (label, work) => settle(label, work),
    background(label, work) {
      void settle(label, work);
    },
    async awaitAll(timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (operations.size > 0 && Date.now() < deadline) {
        await Promise.race([
          Promise.allSettled([...operations.keys()]),
          new Promise((resolve) => setTimeout(resolve, Math.max(0, deadline - Date.now()))),
        ]);
      }
      return [...operations.values()];
    },
    unexpected,
    get deaths() {
      return deaths;
    },
    async close() {
      closing = true;
      for (const slot of slots) slot.kill();
      await Promise.race([
        Promise.allSettled([...operations.keys()]),
        new Promise((resolve) => setTimeout(resolve, 5_000)),
      ]);
      await input.ledger.dispose();
    },
  };
}

/** `quarters` quarters of the order's amount, at the order's precision (at least cents). */
export function partOf(amount: Money, quarters: number): Money {
  const exponent = Math.max(2, decimalPlaces(amount.amount));
  const units = (toMinorUnits(amount.amount, exponent) * BigInt(quarters)) / 4n;
  const text = fromMinorUnits(units, exponent);
  // Written at the order's precision, as a merchant would: '6.25', never '6.250000' or '12.5'.
  const [whole, fraction = ''] = text.split('.');
  return { amount: `${whole}.${fraction.padEnd(exponent, '0')}`, currency: amount.currency };
}

/** What a caller of a host can be told, or what a killed process's caller sees: none is a bug by itself. */
function expected(error: unknown): boolean {
  return error instanceof ProcessDied || error instanceof HostError || RefundError.isInstance(error);
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}
