import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { type RefundModel, refundModelCommands } from './refund-model-commands';
import { checkRefundModelInvariants } from './refund-model-invariants';
import { type ModelBackend, openModelLedgers } from './refund-model-ledgers';
import { bringModelToRest } from './refund-model-rest';
import { startRefundModelSandboxes } from './refund-model-sandboxes';
import { type ModelSystem, type ModelTiming, startModelSystem } from './refund-model-system';

export interface RefundModelOptions {
  backend: ModelBackend;
  /** Runs to generate (fewer when the time limit is reached first). */
  runs: number;
  /** The longest command list of a run. */
  maxCommands: number;
  /** When fast-check stops starting runs (or shrinking), however many are left. */
  timeLimitMs: number;
  /** Replays a reported failure: its seed, and its path to go straight to the shrunk case. */
  seed?: number;
  path?: string;
  /** The shrunk command list's `replayPath` from the report, with `seed` and `path`. */
  replayPath?: string;
  log?: (line: string) => void;
}

export interface RefundModelReport {
  backend: ModelBackend;
  seed: number;
  /** Runs executed, shrinking included, and how many of them passed. */
  runs: number;
  passed: number;
  /** Commands executed over all runs, and how many of each kind. */
  commands: number;
  commandsByKind: Record<string, number>;
  /** Where the runs' refunds ended, and what happened to them on the way (ledger event types): the cases covered. */
  states: Record<string, number>;
  events: Record<string, number>;
  /** Why refunds were handed to a person, by provider. */
  attention: Record<string, number>;
  /** Host processes killed, and refunds that were not at rest when a run's bound on settling ran out. */
  deaths: number;
  restPasses: number;
  unsettled: number;
  interrupted: boolean;
  /** fast-check's report of the shrunk failure (seed, path, command list, error), when a run failed. */
  failure: string | undefined;
}

export const refundModelTiming: ModelTiming = {
  leaseMs: 1_500,
  waitMs: 2_500,
  settleWindowMs: 200,
  maximumPendingMs: 5_000,
};

/**
 * The model-based test of the host's exactly-once promise (issue 13, point 12): random interleavings of two
 * host instances on one ledger, crashes, lost answers, lagging reads, resends, notifications and syncs over the
 * four real sandboxes on loopback; after every command and once the system has come to rest, the invariants.
 */
export async function runRefundModel(options: RefundModelOptions): Promise<RefundModelReport> {
  const log = options.log ?? (() => {});
  const suite = `m${randomBytes(3).toString('hex')}`;
  const report: RefundModelReport = {
    backend: options.backend,
    seed: options.seed ?? Math.floor(Math.random() * 0x7fff_ffff),
    runs: 0,
    passed: 0,
    commands: 0,
    commandsByKind: {},
    states: {},
    events: {},
    attention: {},
    deaths: 0,
    restPasses: 0,
    unsettled: 0,
    interrupted: false,
    failure: undefined,
  };
  const sandboxes = await startRefundModelSandboxes(400);
  try {
    const ledgers = await openModelLedgers(options.backend);
    try {
      const property = fc.asyncProperty(
        refundModelCommands(options.maxCommands, options.replayPath),
        async ({ readLags, commands }) => {
          report.runs += 1;
          const system = await startModelSystem({
            run: `${suite}r${report.runs.toString(36)}`,
            sandboxes: sandboxes.sandboxes,
            ledger: await ledgers.fresh(),
            timing: refundModelTiming,
            readLags,
          });
          const model: RefundModel = { refunds: 0, notifications: 0, commands: {} };
          try {
            try {
              await fc.asyncModelRun(() => ({ model, real: system }), commands);
            } finally {
              for (const [kind, count] of Object.entries(model.commands)) {
                report.commands += count;
                report.commandsByKind[kind] = (report.commandsByKind[kind] ?? 0) + count;
              }
            }
            const rest = await bringModelToRest(system, { passes: 60, ms: 15_000 });
            report.restPasses += rest.passes;
            report.unsettled += rest.moving;
            const problems = [
              ...rest.hanging.map((label) => `hangs: ${label}`),
              ...system.unexpected.map((text) => `unexpected failure: ${text}`),
              ...(await checkRefundModelInvariants(system, { atRest: true })),
            ];
            if (problems.length > 0) {
              throw new Error(
                `at rest after ${rest.passes} passes: invariants broken:\n${problems.join('\n')}`,
              );
            }
            await tally(system, report);
            report.passed += 1;
          } finally {
            report.deaths += system.deaths;
            await system.close();
          }
        },
      );
      const details = await fc.check(property, {
        numRuns: options.runs,
        seed: report.seed,
        ...(options.path === undefined ? {} : { path: options.path }),
        plugins: [fc.interruptAfterTimeLimit(options.timeLimitMs)],
      });
      report.interrupted = details.interrupted;
      if (details.failed) {
        const error = details.errorInstance;
        const message = fc.defaultReportMessage(details) ?? 'failed without a report';
        const replayPath = /replayPath="([^"]+)"/.exec(message)?.[1];
        report.failure = [
          message,
          error instanceof Error ? (error.stack ?? error.message) : String(error),
          `Replay: REFUNDS_MODEL_SEED=${details.seed} REFUNDS_MODEL_PATH=${details.counterexamplePath ?? ''}` +
            (replayPath === undefined ? '' : ` REFUNDS_MODEL_REPLAY_PATH=${replayPath}`),
        ].join('\n');
      }
    } finally {
      await ledgers.close();
    }
  } finally {
    await sandboxes.close();
  }
  log(
    `refund model (${report.backend}): ${report.runs} runs (${report.passed} passed), ${report.commands} commands, ` +
      `${report.deaths} host processes killed, ${report.restPasses} reconciler passes to rest, ` +
      `${report.unsettled} refunds still moving at the bound, seed ${report.seed}` +
      `${report.interrupted ? ', stopped by its time limit' : ''}\n  commands: ` +
      `${counts(report.commandsByKind)}\n  refunds at the end: ${counts(report.states)}\n  ledger events: ` +
      `${counts(report.events)}\n  handed to a person: ${counts(report.attention) || 'none'}`,
  );
  return report;
}

/** Adds the run's final states and event types to the report. */
async function tally(system: ModelSystem, report: RefundModelReport): Promise<void> {
  for (const order of system.orders) {
    for (const refund of await system.ledger.refundsOfOrder(order.account, order.orderId)) {
      report.states[refund.state] = (report.states[refund.state] ?? 0) + 1;
      for (const event of await system.ledger.events(refund.refundId)) {
        report.events[event.type] = (report.events[event.type] ?? 0) + 1;
        if (event.type !== 'needs_attention') continue;
        // Reasons name refunds and counts; the words before the first number or quote say which rule it was.
        const reason = String((event.data as { reason?: unknown } | undefined)?.reason ?? 'no reason');
        const rule = `${refund.provider}: ${reason.split(/["\d]/)[0]?.trim() ?? reason}`;
        report.attention[rule] = (report.attention[rule] ?? 0) + 1;
      }
    }
  }
}

function counts(byKind: Record<string, number>): string {
  return Object.entries(byKind)
    .sort(([left], [right]) => left.localeCompare(right))
    .map(([kind, count]) => `${kind} ${count}`)
    .join(', ');
}
