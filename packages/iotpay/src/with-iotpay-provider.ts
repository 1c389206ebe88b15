import { RefundError } from '@refunds/core';

/** Runs a core validation and names IOTPay as the provider in the error it throws, keeping everything else. */
export function withIotPayProvider<Result>(run: () => Result): Result {
  try {
    return run();
  } catch (error) {
    if (!RefundError.isInstance(error) || error.provider !== undefined) throw error;
    throw new RefundError({
      code: error.code,
      outcome: error.outcome,
      message: error.message,
      retryable: error.retryable,
      provider: 'iotpay',
      providerCode: error.providerCode,
      providerMessage: error.providerMessage,
      field: error.field,
      raw: error.raw,
    });
  }
}
