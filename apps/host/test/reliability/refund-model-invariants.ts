import { addAmounts, compareAmounts, type SandboxRefundRecord } from '@refunds/core';
import { finalStates, type RefundRecord } from '../../src/ledger/ledger';
import type { ModelSystem } from './refund-model-system';

type Executed = SandboxRefundRecord & { account: string };

/**
 * The exactly-once promise, checked against the providers' ground truth (what each sandbox executed) and the
 * ledger:
 * 1. each refund id is executed at most once by the provider (where the provider has no refund id, CoinCorner,
 *    at most once per order, since the host sends one refund per order there);
 * 2. no refund the provider executed is recorded `failed`, and none is missing from the ledger;
 * 3. the sum executed per order never exceeds what was paid;
 * 4. (once the system has come to rest) every refund that is not final is due for a check (`nextCheckAt` set,
 *    or `sending` under a lease) or handed to a person (`needs_attention`);
 * and, the other way round, no refund is recorded `succeeded` that the provider did not execute.
 *
 * The providers are read before and after the ledger, so that a refund moving on while the ledger is read is
 * judged on facts that were already true: what was executed before the ledger read must show there, and what
 * the ledger calls succeeded must have been executed by the time it was read.
 */
export async function checkRefundModelInvariants(
  system: ModelSystem,
  options: { atRest: boolean },
): Promise<string[]> {
  const before = executedNow(system);
  const records = await ledgerRecords(system);
  const after = executedNow(system);
  const problems: string[] = [];
  const problem = (text: string) => problems.push(text);
  const byOrder = groupBy(records.values(), (record) => `${record.account} ${record.orderId}`);
  const multipleRefunds = new Map(
    Array.from(system.instance(0).accounts, ([account, entry]) => [
      account,
      entry.provider.capabilities.multipleRefunds,
    ]),
  );

  // 1. At most once.
  for (const [refundId, executions] of groupBy(
    after.filter((record) => record.refundId !== undefined),
    (record) => `${record.account} ${record.refundId}`,
  )) {
    if (executions.length > 1) problem(`1: refund ${refundId} executed ${executions.length} times`);
  }
  for (const [order, executions] of groupBy(after, (record) => `${record.account} ${record.orderId}`)) {
    const account = executions[0]?.account ?? '';
    if (multipleRefunds.get(account) === false && executions.length > 1) {
      problem(`1: order ${order} takes one refund, and was refunded ${executions.length} times`);
    }
  }

  // 2. Executed, so never recorded failed, and never unknown to the ledger.
  for (const executed of before) {
    if (executed.status === 'failed') continue;
    const what = `${executed.account} ${executed.refundId ?? `(order ${executed.orderId})`}`;
    if (executed.refundId !== undefined) {
      const record = records.get(executed.refundId);
      if (!record) problem(`2: ${what} was executed (${executed.status}) but the ledger has no such refund`);
      else if (record.state === 'failed') {
        problem(`2: ${what} was executed (${executed.status}) but is recorded failed: ${describe(record)}`);
      }
      continue;
    }
    const ofOrder = byOrder.get(`${executed.account} ${executed.orderId}`) ?? [];
    if (ofOrder.length === 0) problem(`2: ${what} was executed but the ledger has no refund of the order`);
    else if (ofOrder.every((record) => record.state === 'failed')) {
      problem(
        `2: ${what} was executed (${executed.status}) but every refund of the order is recorded failed: ` +
          ofOrder.map(describe).join('; '),
      );
    }
  }

  // 3. Never more than was paid.
  for (const order of system.orders) {
    const executed = after.filter(
      (record) =>
        record.account === order.account && record.orderId === order.orderId && record.status !== 'failed',
    );
    const total = executed.reduce((sum, record) => addAmounts(sum, record.amount), '0');
    if (compareAmounts(total, order.amount.amount) > 0) {
      problem(`3: order ${order.account} ${order.orderId} paid ${order.amount.amount}, refunded ${total}`);
    }
  }

  // The other way round: succeeded only where the provider executed the refund.
  for (const record of records.values()) {
    if (record.state !== 'succeeded') continue;
    const executed = after.filter(
      (item) =>
        item.account === record.account &&
        item.orderId === record.orderId &&
        (item.refundId === undefined || item.refundId === record.refundId),
    );
    if (executed.length === 0 || executed.every((item) => item.status === 'failed')) {
      problem(`recorded succeeded, but the provider executed nothing: ${describe(record)}`);
    }
  }

  // 4. Nothing left behind.
  if (options.atRest) {
    for (const record of records.values()) {
      if (finalStates.includes(record.state) || record.state === 'needs_attention') continue;
      const due =
        record.nextCheckAt !== undefined || (record.state === 'sending' && record.leaseUntil !== undefined);
      if (!due) problem(`4: neither due for a check nor with a person: ${describe(record)}`);
    }
  }
  return problems;
}

function executedNow(system: ModelSystem): Executed[] {
  const orders = new Set(system.orders.map((order) => `${order.account} ${order.orderId}`));
  return system.sandboxes.flatMap((sandbox) =>
    sandbox.running
      .executedRefunds()
      .filter((record) => orders.has(`${sandbox.account} ${record.orderId}`))
      .map((record) => ({ ...record, account: sandbox.account })),
  );
}

/** Every refund of the run's orders, as the ledger has it (also any the model did not ask for). */
async function ledgerRecords(system: ModelSystem): Promise<Map<string, RefundRecord>> {
  const records = new Map<string, RefundRecord>();
  for (const order of system.orders) {
    for (const record of await system.ledger.refundsOfOrder(order.account, order.orderId)) {
      records.set(record.refundId, record);
    }
  }
  return records;
}

function groupBy<Item>(items: Iterable<Item>, key: (item: Item) => string): Map<string, Item[]> {
  const groups = new Map<string, Item[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}

export function describe(record: RefundRecord): string {
  return (
    `${record.refundId} (${record.account}, order ${record.orderId}, ${record.amount}) ${record.state}` +
    `${record.failureOutcome ? `/${record.failureOutcome}` : ''}` +
    `${record.nextCheckAt ? ` next check ${record.nextCheckAt.toISOString()}` : ''}` +
    `${record.leaseOwner ? ` leased by ${record.leaseOwner}` : ''}` +
    ` resends ${record.resends}, attempts ${record.attempts}`
  );
}
