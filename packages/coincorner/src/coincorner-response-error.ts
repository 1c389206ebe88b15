import {
  type HttpResponse,
  httpStatusError,
  quoteJsonNumbers,
  type Redactor,
  RefundError,
} from '@refunds/core';
import { checkBeforeResending } from '@refunds/core/kit';
import * as v from 'valibot';
import { coincornerErrorBodySchema } from './coincorner-api';
import { coincornerError } from './coincorner-error';
import { coincornerErrorTable } from './coincorner-error-table';
import { isNonceRefusal } from './nonce-refusal';

/**
 * The `RefundError` for a non-success answer. Documented statuses go through the error table; anything else
 * through core's default reading of HTTP statuses.
 */
export function coincornerResponseError(
  response: HttpResponse,
  context: { action: string; writes: boolean; resend?: boolean | undefined; redactor: Redactor },
): RefundError {
  const body = readErrorBody(response.text);
  const raw = context.redactor.value(body ?? response.text);
  const providerMessage = body?.Message ? context.redactor.text(body.Message) : undefined;
  const status = String(response.status);
  const key = isNonceRefusal(response)
    ? 'nonce'
    : response.status === 400 && body?.ModelState !== undefined
      ? 'model-state'
      : status;
  if (key in coincornerErrorTable) {
    return coincornerError(key as keyof typeof coincornerErrorTable, {
      writes: context.writes,
      resend: context.resend,
      providerCode: status,
      providerMessage,
      raw,
      summary: `CoinCorner ${context.action} answered HTTP ${status}${providerMessage ? ` "${providerMessage}"` : ''}`,
    });
  }
  if (response.status >= 400) {
    return httpStatusError({
      provider: 'coincorner',
      status: response.status,
      writes: context.writes,
      raw,
      providerMessage,
    });
  }
  // A redirect or other non-error status after a write proves nothing either way.
  return new RefundError({
    code: 'invalid_response',
    outcome: context.writes ? 'unknown' : 'rejected',
    provider: 'coincorner',
    providerCode: status,
    raw,
    message: `CoinCorner ${context.action} answered HTTP ${status}, which its protocol does not use${context.writes ? `; ${checkBeforeResending}.` : '.'}`,
  });
}

function readErrorBody(text: string): v.InferOutput<typeof coincornerErrorBodySchema> | undefined {
  try {
    const result = v.safeParse(coincornerErrorBodySchema, JSON.parse(quoteJsonNumbers(text)));
    return result.success ? result.output : undefined;
  } catch {
    return undefined;
  }
}
