import { type NonceSource, RefundError } from '@refunds/core';

// The tail of each API key's queue. Module-wide for the same reason as the nonces: one key, one order.
const queueTails = new Map<string, Promise<void>>();

/**
 * A nonce for one attempt. `floorAheadMs` moves the floor past the clock, for a retry after CoinCorner refused
 * a nonce: the value it compared against came from another process and is probably a little ahead.
 */
export type NextNonce = (floorAheadMs?: number) => Promise<string>;

/**
 * Runs `task` after every earlier task of the same API key has finished. CoinCorner refuses a nonce that is not
 * larger than the last one it saw, so nonces must arrive in the order they were made: a nonce is taken only
 * inside the task, and the next task starts only once the previous response (or failure) is in. The nonce
 * comes from `source`, at least the clock in microseconds (so nonces stay close to the clock while it moves on).
 */
export function inNonceOrder<Result>(
  apiKey: string,
  source: NonceSource,
  task: (nextNonce: NextNonce) => Promise<Result>,
): Promise<Result> {
  const key = apiKey.toLowerCase();
  const previous = queueTails.get(key) ?? Promise.resolve();
  // Ahead of the clock, a random sub-millisecond part keeps two processes that jump at once from tying.
  const nextNonce: NextNonce = (floorAheadMs = 0) =>
    takeNonce(
      source,
      (Date.now() + floorAheadMs) * 1000 + (floorAheadMs > 0 ? Math.floor(Math.random() * 1000) : 0),
    );
  const run = previous.then(() => task(nextNonce));
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

async function takeNonce(source: NonceSource, floor: number): Promise<string> {
  let nonce: number;
  try {
    nonce = await source.next(floor);
  } catch (error) {
    if (RefundError.isInstance(error)) throw error;
    throw nonceSourceError(`failed (${error instanceof Error ? error.message : String(error)})`, error);
  }
  // A wrong value would be refused by CoinCorner at best; at worst it would block the key for every process.
  if (!Number.isSafeInteger(nonce) || nonce < floor) {
    throw nonceSourceError(`returned ${String(nonce)}, which is not a safe integer of at least ${floor}`);
  }
  return String(nonce);
}

function nonceSourceError(problem: string, cause?: unknown): RefundError {
  return new RefundError({
    code: 'provider_unavailable',
    outcome: 'not_sent',
    provider: 'coincorner',
    retryable: true,
    cause,
    message: `The CoinCorner nonce source ${problem}; nothing was sent. Try again once the nonce source works.`,
  });
}
