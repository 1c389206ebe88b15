import { RefundError } from '@refunds/core';
import { refundRequestLabels } from './refund-request-labels';

/**
 * A BonusPay refusal that names one of its own placeOrder fields (INVALID_PARAMETER: chainCode ...), renamed to
 * the `RefundRequest` field the caller wrote (`destination.network`), with BonusPay's name kept in the message.
 * Any other error is returned as it is.
 */
export function nameRefusedField(error: unknown): unknown {
  if (!RefundError.isInstance(error) || error.field === undefined) return error;
  const field = nameInRequest(error.field);
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
    message: `${error.message} (${namesInRequest(error.field, error.message)} in the refund request.)`,
  });
}

/**
 * The refused field and every other placeOrder field BonusPay's message names, each with its `RefundRequest`
 * name: "send chainCode and refundAddress" needs both destination fields, not only the one refused.
 */
function namesInRequest(refused: string, message: string): string {
  const labels = refundRequestLabels as Readonly<Record<string, string>>;
  const [head = ''] = refused.split('.');
  const mentioned = Object.keys(labels).filter(
    // Only BonusPay's camelCase names: "amount" or "reason" in a message is as likely plain English.
    (name) => name !== head && /[A-Z]/.test(name) && new RegExp(`\\b${name}\\b`).test(message),
  );
  return [
    `BonusPay's ${refused} is ${nameInRequest(refused)}`,
    ...mentioned.map((name) => `its ${name} is ${labels[name]}`),
  ].join(', ');
}

function nameInRequest(field: string): string {
  const [head = '', ...rest] = field.split('.');
  const label = (refundRequestLabels as Readonly<Record<string, string>>)[head];
  return label === undefined ? field : [label, ...rest].join('.');
}
