/** The key of one order in wake-ups: account and order id, which neither contains a unit separator. */
export function orderKey(account: string, orderId: string): string {
  return `${account}\u001f${orderId}`;
}

/**
 * Requests of this process waiting for an order's lock, woken when it is released: no polling while the lock
 * is held. Each wait also ends at its `until` (the lock's expiry, or a safety bound), so a release nobody
 * announced (a dead owner's lock running out) is still noticed.
 */
export function createOrderWaiters() {
  const waiting = new Map<string, Set<() => void>>();
  return {
    wake(key: string): void {
      const waiters = waiting.get(key);
      if (waiters === undefined) return;
      waiting.delete(key);
      for (const wake of waiters) wake();
    },
    wait(key: string, until: number): Promise<void> {
      return new Promise<void>((resolve) => {
        const waiters = waiting.get(key) ?? new Set<() => void>();
        waiting.set(key, waiters);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          if (waiters.size === 0 && waiting.get(key) === waiters) waiting.delete(key);
          resolve();
        };
        const timer = setTimeout(done, Math.max(0, until - Date.now()));
        waiters.add(done);
      });
    },
  };
}

export type OrderWaiters = ReturnType<typeof createOrderWaiters>;
