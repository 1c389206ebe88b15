import { type CallOptions, createHttpTransport, createRedactor, type HttpTransport } from '@refunds/core';
import { __camel__RefundSchema, type __Name__Refund } from './__name__-api';
import { __camel__Credentials } from './__name__-credentials';
import type { __Name__Settings } from './__name__-settings';
import { send__Name__Request } from './send-__name__-request';

/** The refund __Name__ is asked for, in __Name__'s own field names. */
export interface Create__Name__RefundBody {
  refundId: string;
  orderId: string;
  amount: string;
  currency: string;
  reason?: string;
}

/** __Name__'s own operations, with the same signing, verification and errors as the adapter. */
export interface __Name__Client {
  createRefund(body: Create__Name__RefundBody, options?: CallOptions): Promise<__Name__Refund>;
  queryRefund(refundId: string, options?: CallOptions): Promise<__Name__Refund>;
}

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
    createRefund: (body, options) =>
      send__Name__Request(
        context,
        { method: 'POST', path: '/v1/refunds', body, writes: true, schema: __camel__RefundSchema },
        options,
      ),
    queryRefund: (refundId, options) =>
      send__Name__Request(
        context,
        {
          method: 'GET',
          path: `/v1/refunds/${encodeURIComponent(refundId)}`,
          writes: false,
          schema: __camel__RefundSchema,
        },
        options,
      ),
  } satisfies __Name__Client);
}
