import { RefundError } from '@refunds/core';
import { refundRequestLabels } from './refund-request-labels';

/**
 * A BonusPay refusal that names one of its own placeOrder fields (INVALID_PARAMETER: chainCode ...), renamed to
 * the `RefundRequest` field the caller wrote (`destination.network`), with BonusPay's name kept in the message.
 * Any other error is returned as it is.
 */
export function nameRefusedField(error: unknown): unknown {
  if (!RefundError.isInstance(error) || error.field === undefined) return error;
  const [head = '', ...rest] = error.field.split('.');
  const label = (refundRequestLabels as Readonly<Record<string, string>>)[head];
  if (label === undefined) return error;
  const field = [label, ...rest].join('.');
  if (field === error.field) return error;
  return new RefundError({
    code: error.code,
    outcome: error.outcome,
    retryable: error.retryable,
    provider: error.provider,
    providerCode: error.providerCode,
    providerMessage: error.providerMessage,
    field,
    raw: error.raw,
    cause: error,
    message: `${error.message} (BonusPay's ${error.field} is ${field} in the refund request.)`,
  });
}
