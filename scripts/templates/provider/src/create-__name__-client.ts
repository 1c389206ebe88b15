import { type CallOptions, createHttpTransport, createRedactor, type HttpTransport } from '@refunds/core';
import { __camel__Credentials } from './__name__-credentials';
import type { __Name__Settings } from './__name__-settings';
import { createRefund } from './create-refund/create-refund';
import type { __Name__Refund } from './create-refund/create-refund-api';
import type { Create__Name__RefundBody } from './create-refund/create-refund-options';
import { queryRefund } from './query-refund/query-refund';

/** __Name__'s own operations, with the same signing, verification and errors as the adapter. */
export interface __Name__Client {
  createRefund(body: Create__Name__RefundBody, options?: CallOptions): Promise<__Name__Refund>;
  queryRefund(refundId: string, options?: CallOptions): Promise<__Name__Refund>;
}

export type { Create__Name__RefundBody };

export function create__Name__Client(settings: __Name__Settings = {}): __Name__Client {
  const credentials = __camel__Credentials(settings);
  const redactor = createRedactor(credentials.secrets);
  let transport: HttpTransport | undefined;
  const context = {
    credentials,
    redactor,
    nativeIdempotency: settings.nativeIdempotency ?? true,
    // Built at the first call, so that a base URL from the environment is read then, not at import.
    transport: () => {
      transport ??= createHttpTransport({
        provider: '__name__',
        baseUrl: credentials.baseUrl(),
        redactor,
        ...(settings.fetch ? { fetch: settings.fetch } : {}),
        ...(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
        ...(settings.hooks ? { hooks: settings.hooks } : {}),
      });
      return transport;
    },
  };
  return Object.freeze({
    createRefund: (body, options) => createRefund(context, body, options),
    queryRefund: (refundId, options) => queryRefund(context, { refundId }, options),
  } satisfies __Name__Client);
}
