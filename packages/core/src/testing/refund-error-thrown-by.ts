import { expect } from 'vitest';
import { RefundError } from '../errors/refund-error';

/**
 * The `RefundError` that `run` throws, for the assertions a test makes on it; the test fails when `run` returns
 * or throws anything else. The synchronous twin of `refundErrorOf`.
 */
export function refundErrorThrownBy(run: () => unknown): RefundError {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(RefundError.isInstance(thrown), `expected a RefundError, got ${String(thrown)}`).toBe(true);
  return thrown as RefundError;
}
