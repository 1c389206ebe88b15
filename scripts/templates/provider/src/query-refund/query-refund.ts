import type { CallOptions } from '@refunds/core';
import { type __Name__RequestContext, send__Name__Request } from '../send-__name__-request';
import { type QueryRefundAnswer, queryRefundAnswerSchema } from './query-refund-api';
import type { QueryRefundInput } from './query-refund-options';

/** `GET /v1/refunds/{refundId}`: a read, safe to repeat. TODO: __Name__'s real endpoint. */
export function queryRefund(
  context: __Name__RequestContext,
  input: QueryRefundInput,
  options?: CallOptions,
): Promise<QueryRefundAnswer> {
  return send__Name__Request(
    context,
    {
      method: 'GET',
      path: `/v1/refunds/${encodeURIComponent(input.refundId)}`,
      writes: false,
      schema: queryRefundAnswerSchema,
    },
    options,
  );
}
