import {
  type CallOptions,
  type HttpTransport,
  httpStatusError,
  parseJsonResponse,
  type Redactor,
  RefundError,
} from '@refunds/core';
import type { GenericSchema, InferOutput } from 'valibot';
import type { __Name__Credentials } from './__name__-credentials';
import { sign__Name__Payload } from './sign-__name__-payload';
import { to__Name__Error } from './to-__name__-error';
import { verify__Name__Signature } from './verify-__name__-signature';

/** What every __Name__ operation shares: one transport, the credentials and the redactor built from them. */
export interface __Name__RequestContext {
  transport(): HttpTransport;
  credentials: __Name__Credentials;
  redactor: Redactor;
  /** __Name__ replays a reused refund id, so a refund may be resent after a failure that may have reached it. */
  nativeIdempotency: boolean;
}

export interface __Name__Request<Schema extends GenericSchema> {
  method: 'GET' | 'POST';
  path: string;
  body?: object;
  /** Whether the request can move money: its failures after sending are `unknown`, not `rejected`. */
  writes: boolean;
  schema: Schema;
}

/** Signs the request, sends it, verifies the answer's signature over the raw bytes, then validates it. */
export async function send__Name__Request<Schema extends GenericSchema>(
  context: __Name__RequestContext,
  request: __Name__Request<Schema>,
  options: CallOptions = {},
): Promise<InferOutput<Schema>> {
  // Read before sending: a missing credential is reported with outcome not_sent.
  const secretKey = context.credentials.secretKey();
  const merchantId = context.credentials.merchantId();
  const body = request.body === undefined ? '' : JSON.stringify(request.body);
  const response = await context.transport().send({
    method: request.method,
    path: request.path,
    idempotent: !request.writes || context.nativeIdempotency,
    ...(options.signal ? { signal: options.signal } : {}),
    // Runs again for each attempt: a fresh timestamp is signed every time, the body never changes.
    prepare: async () => {
      const timestamp = String(Date.now());
      return {
        ...(request.method === 'POST' ? { body } : {}),
        headers: {
          'content-type': 'application/json',
          'x-merchant-id': merchantId,
          'x-timestamp': timestamp,
          'x-signature': await sign__Name__Payload(secretKey, timestamp, body),
        },
      };
    },
  });
  const raw = context.redactor.value(response.text);
  const outcome = request.writes ? 'unknown' : 'rejected';
  const signed = await verify__Name__Signature(secretKey, response.headers, response.text);
  if (response.status >= 400) {
    // A refusal is read from its code only when signed; an unsigned one (a proxy's 5xx, a 401 for a wrong key,
    // which __Name__ cannot sign for us) is read from its status, where a 5xx after a write stays unknown.
    throw signed
      ? to__Name__Error({
          status: response.status,
          text: response.text,
          writes: request.writes,
          resend: options.resend === true,
          raw,
        })
      : httpStatusError({ provider: '__name__', status: response.status, writes: request.writes, raw });
  }
  // Success is what a caller acts on, so it must be signed by __Name__.
  if (!signed) {
    throw new RefundError({
      code: 'signature_invalid',
      outcome,
      provider: '__name__',
      raw,
      message: `__Name__'s answer to ${request.method} ${request.path} has a missing or wrong signature, so it cannot be trusted${outcome === 'unknown' ? '; the refund may have been executed. Check it with getRefund.' : '.'}`,
    });
  }
  return parseJsonResponse(response.text, request.schema, { provider: '__name__', outcome, raw });
}
