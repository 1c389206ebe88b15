import type { CallOptions } from '@refunds/core';
import type { __Name__Sender } from '../create-__name__-sender';
import { type QueryRefundAnswer, queryRefundAnswerSchema } from './query-refund-api';
import type { QueryRefundInput } from './query-refund-options';

/** `GET /v1/refunds/{refundId}`: a read, safe to repeat. TODO: __Name__'s real endpoint. */
export function queryRefund(
  sender: __Name__Sender,
  input: QueryRefundInput,
  options?: CallOptions,
): Promise<QueryRefundAnswer> {
  return sender.send(
    {
      method: 'GET',
      path: `/v1/refunds/${encodeURIComponent(input.refundId)}`,
      writes: false,
      schema: queryRefundAnswerSchema,
    },
    options,
  );
}
