import pino from 'pino';
import type { Ledger } from '../../src/ledger/ledger';
import type { ReconcileContext } from '../../src/refunds/reconcile-refund';
import {
  type AccountProvider,
  createRefundService,
  type RefundService,
} from '../../src/refunds/refund-service';
import { type Reconciler, startReconciler } from '../../src/refunds/start-reconciler';
import type { ModelSandbox } from './refund-model-sandboxes';

/** What every call of a dead host process fails with: the process is gone, nothing it did next happened. */
export class ProcessDied extends Error {
  constructor(instanceId: string) {
    super(`host instance ${instanceId} died`);
    this.name = 'ProcessDied';
  }
}

export interface ModelInstanceOptions {
  instanceId: string;
  /** This process's own connection to the shared ledger. */
  ledger: Ledger;
  sandboxes: readonly ModelSandbox[];
  settleWindowMs: number;
  maximumPendingMs: number;
  leaseMs: number;
  waitMs: number;
  /** Called once, when the process dies, so that a new one can take its place. */
  onDeath(instance: ModelInstance): void;
}

/**
 * One host process: a refund service and a reconciler over its own providers and ledger connection. Every ledger
 * and provider call it makes is a step at which it can die: from then on each of its calls fails before doing
 * anything, so an in-flight refund is abandoned without its outcome recorded, exactly as a killed process leaves
 * it (`sending` under a lease that must expire, an order lock that must time out).
 */
export interface ModelInstance {
  readonly instanceId: string;
  readonly dead: boolean;
  readonly service: RefundService;
  /** The reconciler's context, as `syncRefund` and `reconcileRefund` take it. */
  readonly context: ReconcileContext;
  /** A reconciler whose timer never runs: passes happen when the model says so. */
  readonly reconciler: Reconciler;
  readonly accounts: ReadonlyMap<string, AccountProvider>;
  /** Lets `steps` more ledger or provider calls happen, then dies at the next one (0: at the very next one). */
  crashAfter(steps: number): void;
  /** Dies now. */
  kill(): void;
  /** Forgets a pending `crashAfter`, so that the model can let the system settle. */
  disarm(): void;
}

export function startModelInstance(options: ModelInstanceOptions): ModelInstance {
  const { instanceId } = options;
  let dead = false;
  let stepsLeft: number | undefined;

  const die = () => {
    if (dead) return;
    dead = true;
    stepsLeft = undefined;
    options.onDeath(instance);
  };
  const step = () => {
    if (!dead && stepsLeft !== undefined) {
      if (stepsLeft === 0) die();
      else stepsLeft -= 1;
    }
    if (dead) throw new ProcessDied(instanceId);
  };

  const ledger = mortal(options.ledger, step);
  const accounts = new Map<string, AccountProvider>(
    options.sandboxes.map((sandbox) => [
      sandbox.account,
      {
        provider: mortal(
          sandbox.plugin.create(sandbox.settings, {
            // CoinCorner's nonces: shared by both processes through the ledger, as the host does it.
            nonceSource: (scope) => ({ next: (floor) => options.ledger.nextNonce(scope, floor) }),
          }),
          step,
        ),
        reconciliation: {
          settleWindowMs: options.settleWindowMs,
          maximumPendingMs: options.maximumPendingMs,
        },
      },
    ]),
  );
  const logger = pino({ level: 'silent' });
  const context: ReconcileContext = { ledger, accounts, instanceId, logger, leaseMs: options.leaseMs };
  const service = createRefundService({
    ledger,
    accounts,
    instanceId,
    logger,
    leaseMs: options.leaseMs,
    waitMs: options.waitMs,
  });
  const reconciler = startReconciler({ ...context, intervalMs: 3_600_000 });
  // Stopped before its first timer fires (`stop` clears it at once): `runOnce` still works, and runs only when the
  // model asks for a pass.
  void reconciler.stop();

  const instance: ModelInstance = {
    instanceId,
    get dead() {
      return dead;
    },
    service,
    context,
    reconciler,
    accounts,
    crashAfter(steps) {
      if (!dead) stepsLeft = Math.max(0, steps);
    },
    kill: die,
    disarm() {
      stepsLeft = undefined;
    },
  };
  return instance;
}

/**
 * The object with each of its methods taking a step first (and failing, once the process is dead). The proxy's
 * own target is an empty object: providers may be frozen, and a proxy may not report a frozen method as another
 * function.
 */
function mortal<Target extends object>(object: Target, step: () => void): Target {
  return new Proxy({} as Target, {
    has: (_, property) => Reflect.has(object, property),
    get(_, property) {
      const value = Reflect.get(object, property, object);
      if (typeof value !== 'function') return value;
      return (...parameters: unknown[]) => {
        try {
          step();
        } catch (error) {
          // Every ledger and provider method is asynchronous: fail the way a call fails.
          return Promise.reject(error);
        }
        return Reflect.apply(value, object, parameters);
      };
    },
  });
}
