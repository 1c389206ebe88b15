import type { NotificationInput, RefundRequest, SandboxFault } from '@refunds/core';
import fc from 'fast-check';
import { applyNotification } from '../../src/refunds/apply-notification';
import { syncRefund } from '../../src/refunds/sync-refund';
import { checkRefundModelInvariants } from './refund-model-invariants';
import type { ModelNotificationKind } from './refund-model-sandboxes';
import { type ModelSystem, partOf } from './refund-model-system';

/** What the commands need to know before they run: whether there is a refund or a notification to pick. */
export interface RefundModel {
  refunds: number;
  notifications: number;
  /** Commands run so far in this run, by kind, for the report. */
  commands: Record<string, number>;
}

type Needs = 'refund' | 'notification' | undefined;

/**
 * One step of a run. Every command ends by checking the invariants that must hold at every moment (1 to 3, and
 * succeeded only when executed), so a failure shrinks to the shortest list of steps that breaks one.
 */
class ModelCommand implements fc.AsyncCommand<RefundModel, ModelSystem> {
  constructor(
    private readonly label: string,
    private readonly needs: Needs,
    private readonly action: (system: ModelSystem) => Promise<void>,
  ) {}

  check(model: Readonly<RefundModel>): boolean {
    if (this.needs === 'refund') return model.refunds > 0;
    if (this.needs === 'notification') return model.notifications > 0;
    return true;
  }

  async run(model: RefundModel, system: ModelSystem): Promise<void> {
    await this.action(system);
    model.refunds = system.refunds.length;
    model.notifications = system.notifications.length;
    const kind = this.label.slice(0, this.label.indexOf('('));
    model.commands[kind] = (model.commands[kind] ?? 0) + 1;
    const problems = await checkRefundModelInvariants(system, { atRest: false });
    if (problems.length > 0) {
      throw new Error(`after ${this.label}: invariants broken:\n${problems.join('\n')}`);
    }
  }

  toString(): string {
    return this.label;
  }
}

const slot = fc.integer({ min: 0, max: 1 });
const account = fc.nat({ max: 3 });
const pick = fc.nat({ max: 20 });
const background = fc.boolean();
const mode = (isBackground: boolean) => (isBackground ? 'background' : 'awaited');

function accountOf(system: ModelSystem, index: number): string {
  return (system.sandboxes[index % system.sandboxes.length] as ModelSystem['sandboxes'][number]).account;
}

function refundOf(system: ModelSystem, index: number) {
  return system.refunds[index % system.refunds.length] as ModelSystem['refunds'][number];
}

/** Runs `work` now or in the background, under a label naming it. */
function start(system: ModelSystem, inBackground: boolean, label: string, work: () => Promise<unknown>) {
  if (inBackground) {
    system.background(label, work);
    return Promise.resolve();
  }
  return system.perform(label, work);
}

const faults: Record<string, SandboxFault> = {
  'lost answer': { kind: 'reset-after-commit' },
  'never arrived': { kind: 'reset-before-commit' },
  'http 503': { kind: 'status', status: 503, body: 'unavailable' },
  'http 500': { kind: 'status', status: 500 },
  // Longer than a provider call may take here (the lease less 5 s, at least 1 s): the caller times out.
  'slow answer': { kind: 'latency', ms: 1_300 },
};

// A lost answer is the fault that leaves the most to find out, so it comes up most.
const faultName = fc.constantFrom('lost answer', ...Object.keys(faults));

/**
 * A new refund. Half of them meet a fault on their provider's next request (the refund call, or the lookup after
 * it), as the dangerous combinations are rare when faults and refunds are drawn apart.
 */
const submit = fc
  .record({
    slot,
    account,
    order: fc.nat({ max: 1 }),
    quarters: fc.integer({ min: 1, max: 4 }),
    fault: fc.option(faultName, { freq: 2 }),
    background,
  })
  .map(
    (command) =>
      new ModelCommand(
        `submit(instance ${command.slot}, account ${command.account}, order ${command.order}, ${command.quarters}/4, ` +
          `${command.fault === null ? 'no fault' : command.fault}, ${mode(command.background)})`,
        undefined,
        async (system) => {
          const accountId = accountOf(system, command.account);
          if (command.fault !== null) {
            system.sandboxes
              .find((sandbox) => sandbox.account === accountId)
              ?.running.injectFault({ fault: faults[command.fault] as SandboxFault, times: 1 });
          }
          const order = system.orderOf(accountId, command.order);
          const request: RefundRequest = {
            refundId: system.newRefundId(),
            orderId: order.orderId,
            amount: partOf(order.amount, command.quarters),
            ...(order.destination ? { destination: order.destination } : {}),
            ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
          };
          system.refunds.push({ account: accountId, request });
          const instance = system.instance(command.slot);
          await start(system, command.background, `submit ${request.refundId}`, () =>
            instance.service.submit(accountId, request),
          );
        },
      ),
  );

/** The same refund id again: a retry of the same body (a replay, or a resend of one that never left), or another body (a 409). */
const repeat = fc.record({ slot, pick, conflicting: fc.boolean(), background }).map(
  (command) =>
    new ModelCommand(
      `repeat(instance ${command.slot}, refund ${command.pick}, ${command.conflicting ? 'another amount' : 'same body'}, ${mode(command.background)})`,
      'refund',
      async (system) => {
        const { account: accountId, request } = refundOf(system, command.pick);
        const order = system.orders.find(
          (item) => item.account === accountId && item.orderId === request.orderId,
        );
        if (!order) throw new Error(`the model lost the order of ${request.refundId}`);
        // Another amount, not another reason: the request's hash must cover what moves money.
        const other = partOf(order.amount, request.amount.amount === partOf(order.amount, 4).amount ? 2 : 4);
        const body = command.conflicting ? { ...request, amount: other } : request;
        const instance = system.instance(command.slot);
        await start(system, command.background, `repeat ${request.refundId}`, () =>
          instance.service.submit(accountId, body),
        );
      },
    ),
);

const sync = fc
  .record({
    slot,
    pick,
    how: fc.constantFrom('once', 'twice on one instance', 'on both instances'),
    background,
  })
  .map(
    (command) =>
      new ModelCommand(
        `sync(instance ${command.slot}, refund ${command.pick}, ${command.how}, ${mode(command.background)})`,
        'refund',
        async (system) => {
          const { refundId } = refundOf(system, command.pick).request;
          const first = system.instance(command.slot);
          const second = command.how === 'on both instances' ? system.instance(command.slot + 1) : first;
          const syncs = [() => syncRefund(refundId, first.context)];
          if (command.how !== 'once') syncs.push(() => syncRefund(refundId, second.context));
          await Promise.all(
            syncs.map((work, index) => start(system, command.background, `sync ${refundId} #${index}`, work)),
          );
        },
      ),
  );

const reconcilerPass = fc.record({ slot, background }).map(
  (command) =>
    new ModelCommand(
      `reconcilerPass(instance ${command.slot}, ${mode(command.background)})`,
      undefined,
      async (system) => {
        const instance = system.instance(command.slot);
        await start(system, command.background, `reconciler pass of ${instance.instanceId}`, () =>
          instance.reconciler.runOnce(),
        );
      },
    ),
);

const fault = fc.record({ account, fault: faultName, times: fc.integer({ min: 1, max: 2 }) }).map(
  (command) =>
    new ModelCommand(
      `fault(account ${command.account}, ${command.fault} x${command.times})`,
      undefined,
      async (system) => {
        const sandbox = system.sandboxes[command.account % system.sandboxes.length];
        sandbox?.running.injectFault({
          fault: faults[command.fault] as SandboxFault,
          times: command.times,
        });
      },
    ),
);

// Below and beyond the settle window (200 ms): beyond it, the host may see "not found" twice and resend a refund
// the provider executed, which a provider refusing reused ids then refuses.
const readLagMs = fc.constantFrom(0, 100, 300, 700, 1_500);

const readLag = fc.record({ account, ms: readLagMs }).map(
  (command) =>
    new ModelCommand(`readLag(account ${command.account}, ${command.ms} ms)`, undefined, async (system) => {
      system.sandboxes[command.account % system.sandboxes.length]?.running.setReadLag(command.ms);
    }),
);

const crash = fc.record({ slot, after: fc.oneof(fc.constant('now' as const), fc.nat({ max: 6 })) }).map(
  (command) =>
    new ModelCommand(
      command.after === 'now'
        ? `crash(instance ${command.slot}, now)`
        : `crash(instance ${command.slot}, after ${command.after} more calls)`,
      undefined,
      async (system) => {
        const instance = system.instance(command.slot);
        if (command.after === 'now') instance.kill();
        else instance.crashAfter(command.after);
      },
    ),
);

async function deliver(system: ModelSystem, slotIndex: number, accountId: string, input: NotificationInput) {
  const instance = system.instance(slotIndex);
  const provider = instance.accounts.get(accountId)?.provider;
  if (!provider?.verifyNotification) return;
  const notification = await provider.verifyNotification(input);
  await applyNotification(instance.context.ledger, accountId, notification);
}

const notify = fc
  .record({
    slot,
    pick,
    kind: fc.constantFrom<ModelNotificationKind>('current', 'pending'),
    deliveries: fc.integer({ min: 1, max: 2 }),
  })
  .map(
    (command) =>
      new ModelCommand(
        `notify(instance ${command.slot}, refund ${command.pick}, ${command.kind}, delivered ${command.deliveries}x at once)`,
        'refund',
        async (system) => {
          const { account: accountId, request } = refundOf(system, command.pick);
          const sandbox = system.sandboxes.find((item) => item.account === accountId);
          const input = sandbox?.notification(request, command.kind);
          if (!input) return;
          system.notifications.push({ account: accountId, about: request.refundId, input });
          await Promise.all(
            Array.from({ length: command.deliveries }, (_, index) =>
              system.perform(`notification about ${request.refundId} #${index}`, () =>
                deliver(system, command.slot + index, accountId, input),
              ),
            ),
          );
        },
      ),
  );

/** A notification delivered before, delivered again later: a duplicate, and by now possibly a stale one. */
const redeliver = fc.record({ slot, pick }).map(
  (command) =>
    new ModelCommand(
      `redeliver(instance ${command.slot}, notification ${command.pick})`,
      'notification',
      async (system) => {
        const stored = system.notifications[command.pick % system.notifications.length];
        if (!stored) return;
        await system.perform(`late notification about ${stored.about}`, () =>
          deliver(system, command.slot, stored.account, stored.input),
        );
      },
    ),
);

const settle = fc.record({ account }).map(
  (command) =>
    new ModelCommand(`settle(account ${command.account})`, undefined, async (system) => {
      await system.sandboxes[command.account % system.sandboxes.length]?.running.settleAll();
    }),
);

const wait = fc.constantFrom(50, 150, 250, 500).map(
  (ms) =>
    new ModelCommand(`wait(${ms} ms)`, undefined, async () => {
      await new Promise((resolve) => setTimeout(resolve, ms));
    }),
);

const drain = fc.constant(
  new ModelCommand('drain()', undefined, async (system) => {
    const hanging = await system.awaitAll(20_000);
    if (hanging.length > 0) throw new Error(`operations hang: ${hanging.join(', ')}`);
  }),
);

/**
 * Random interleavings of what happens to a refund host in production: two instances on one ledger, crashes
 * at any step, lost answers, requests that never arrive, lagging reads, resends and their refusals, duplicate
 * and late notifications, concurrent syncs, reconciler passes and time passing.
 */
export function refundModelCommands(maxCommands: number, replayPath?: string) {
  return fc.record({
    // Each provider's read lag as the run starts (commands change it later), in the sandboxes' order.
    readLags: fc.array(readLagMs, { minLength: 4, maxLength: 4 }),
    commands: commandList(maxCommands, replayPath),
  });
}

function commandList(maxCommands: number, replayPath: string | undefined) {
  return fc.commands(
    [
      fc.oneof(
        { arbitrary: submit, weight: 6 },
        { arbitrary: repeat, weight: 2 },
        { arbitrary: sync, weight: 3 },
        { arbitrary: reconcilerPass, weight: 3 },
        { arbitrary: fault, weight: 3 },
        { arbitrary: readLag, weight: 2 },
        { arbitrary: crash, weight: 2 },
        { arbitrary: notify, weight: 2 },
        { arbitrary: redeliver, weight: 1 },
        { arbitrary: settle, weight: 1 },
        { arbitrary: wait, weight: 2 },
        { arbitrary: drain, weight: 1 },
      ),
    ],
    // fast-check's default size makes lists of three or four commands: too few for interleavings to form.
    { maxCommands, size: 'max', ...(replayPath === undefined ? {} : { replayPath }) },
  );
}
