export interface SettleClock<Key> {
  /** Settles the refund after the delay (default `settleAfterMs`), replacing any settlement already planned. */
  schedule(key: Key, delayMs?: number): void;
  /** Settles it now, cancelling its timer; resolves once `settle` is done. */
  settleNow(key: Key): Promise<void>;
  /** Settles every refund still planned, plus any `also` given, now. */
  settleAll(also?: Iterable<Key>): Promise<void>;
  /** The refunds still waiting for their timer. */
  pending(): Key[];
  /** Stops every planned settlement: a closed sandbox must not act any more. */
  close(): void;
}

/**
 * The timer a sandbox settles refunds with, as a provider finishes a refund some time after accepting it.
 * Timers never keep a test process or the host alive, and each refund is settled at most once per schedule.
 */
export function createSettleClock<Key>(options: {
  settleAfterMs: number;
  /** `now` is true when `settleNow` or `settleAll` asked, false when the refund's timer fired. */
  settle: (key: Key, how: { now: boolean }) => void | Promise<void>;
}): SettleClock<Key> {
  const timers = new Map<Key, ReturnType<typeof setTimeout>>();
  let closed = false;

  const run = async (key: Key, now: boolean): Promise<void> => {
    clearTimeout(timers.get(key));
    timers.delete(key);
    if (!closed) await options.settle(key, { now });
  };
  const settleNow = (key: Key) => run(key, true);

  return {
    schedule(key, delayMs = options.settleAfterMs) {
      if (closed) return;
      clearTimeout(timers.get(key));
      const timer = setTimeout(() => void run(key, false), delayMs);
      timer.unref?.();
      timers.set(key, timer);
    },
    settleNow,
    async settleAll(also = []) {
      const keys = new Set<Key>([...timers.keys(), ...also]);
      await Promise.all([...keys].map(settleNow));
    },
    pending: () => [...timers.keys()],
    close() {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}
