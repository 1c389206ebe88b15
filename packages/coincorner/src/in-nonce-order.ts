import { nextCoinCornerNonce } from './next-coincorner-nonce';

// The tail of each API key's queue. Module-wide for the same reason as the nonces: one key, one order.
const queueTails = new Map<string, Promise<void>>();

/**
 * Runs `task` after every earlier task of the same API key has finished. CoinCorner refuses a nonce that is not
 * larger than the last one it saw, so nonces must arrive in the order they were made: a nonce is taken only
 * inside the task, and the next task starts only once the previous response (or failure) is in.
 */
export function inNonceOrder<Result>(
  apiKey: string,
  task: (nextNonce: () => string) => Promise<Result>,
): Promise<Result> {
  const key = apiKey.toLowerCase();
  const previous = queueTails.get(key) ?? Promise.resolve();
  const run = previous.then(() => task(() => nextCoinCornerNonce(key)));
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  queueTails.set(key, tail);
  void tail.then(() => {
    if (queueTails.get(key) === tail) queueTails.delete(key);
  });
  return run;
}
