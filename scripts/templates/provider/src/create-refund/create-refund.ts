import type { CallOptions } from '@refunds/core';
import { type __Name__RequestContext, send__Name__Request } from '../send-__name__-request';
import { __camel__RefundSchema, type __Name__Refund } from './create-refund-api';
import type { Create__Name__RefundBody } from './create-refund-options';

/** `POST /v1/refunds`. TODO: __Name__'s real endpoint. */
export function createRefund(
  context: __Name__RequestContext,
  body: Create__Name__RefundBody,
  options?: CallOptions,
): Promise<__Name__Refund> {
  return send__Name__Request(
    context,
    { method: 'POST', path: '/v1/refunds', body, writes: true, schema: __camel__RefundSchema },
    options,
  );
}
