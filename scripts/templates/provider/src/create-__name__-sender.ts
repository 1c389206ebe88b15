import {
  type CallOptions,
  createHttpTransport,
  createRedactor,
  type HttpTransport,
  httpStatusError,
  parseJsonResponse,
  type Redactor,
  RefundError,
} from '@refunds/core';
import type { GenericSchema, InferOutput } from 'valibot';
import type { __Name__ClientSettings } from './__name__-settings';
import { type __Name__SettingReaders, read__Name__Settings } from './read-__name__-settings';
import { sign__Name__Payload } from './sign-__name__-payload';
import { to__Name__Error } from './to-__name__-error';
import { verify__Name__Signature } from './verify-__name__-signature';

/** The one module that talks to __Name__: every operation sends through it. */
export interface __Name__Sender {
  settings: __Name__SettingReaders;
  redactor: Redactor;
  /** Signs the request, sends it, verifies the answer's signature over the raw bytes, then validates it. */
  send<Schema extends GenericSchema>(
    request: __Name__Request<Schema>,
    options?: CallOptions,
  ): Promise<InferOutput<Schema>>;
}

interface __Name__SenderContext {
  transport(): HttpTransport;
  settings: __Name__SettingReaders;
  redactor: Redactor;
  /** __Name__ replays a reused refund id, so a refund may be resent after a failure that may have reached it. */
  nativeIdempotency: boolean;
}

/**
 * One transport, the settings and the redactor built from them. The settings stay in this closure, never on a
 * returned object, so logging a client cannot print the secret.
 */
export function create__Name__Sender(settings: __Name__ClientSettings): __Name__Sender {
  const readers = read__Name__Settings(settings);
  const redactor = createRedactor(readers.secrets);
  let transport: HttpTransport | undefined;
  const context: __Name__SenderContext = {
    settings: readers,
    redactor,
    nativeIdempotency: settings.nativeIdempotency ?? true,
    // Built at the first call, so that a base URL from the environment is read then, not at import.
    transport: () => {
      transport ??= createHttpTransport({
        provider: '__name__',
        baseUrl: readers.baseUrl(),
        redactor,
        ...(settings.fetch ? { fetch: settings.fetch } : {}),
        ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
        ...(settings.hooks ? { hooks: settings.hooks } : {}),
      });
      return transport;
    },
  };
  const sender: __Name__Sender = {
    settings: readers,
    redactor,
    send: (request, options) => send__Name__Request(context, request, options),
  };
  return Object.freeze(sender);
}

export interface __Name__Request<Schema extends GenericSchema> {
  method: 'GET' | 'POST';
  path: string;
  body?: object;
  /** Whether the request can move money: its failures after sending are `unknown`, not `rejected`. */
  writes: boolean;
  schema: Schema;
}

async function send__Name__Request<Schema extends GenericSchema>(
  context: __Name__SenderContext,
  request: __Name__Request<Schema>,
  options: CallOptions = {},
): Promise<InferOutput<Schema>> {
  // Read before sending: a missing credential is reported with outcome not_sent.
  const secretKey = context.settings.secretKey();
  const merchantId = context.settings.merchantId();
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
