import type { CallOptions } from '@refunds/core';
import type { __Name__Sender } from '../create-__name__-sender';
import { __camel__RefundSchema, type __Name__Refund } from './create-refund-api';
import type { Create__Name__RefundBody } from './create-refund-options';

/** `POST /v1/refunds`. TODO: __Name__'s real endpoint. */
export function createRefund(
  sender: __Name__Sender,
  body: Create__Name__RefundBody,
  options?: CallOptions,
): Promise<__Name__Refund> {
  return sender.send(
    { method: 'POST', path: '/v1/refunds', body, writes: true, schema: __camel__RefundSchema },
    options,
  );
}
