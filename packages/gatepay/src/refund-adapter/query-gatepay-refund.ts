import {
  type CallOptions,
  invalidRequest,
  RefundError,
  type RefundLookup,
  type RefundResult,
} from '@refunds/core';
import type { GatePayClient } from '../create-gatepay-client';
import { refundRequestIdSchema } from '../gatepay-send-schemas';
import { parseGatePayInput } from '../parse-gatepay-input';
import { orderRefundQueryResult } from './order-refund-query-result';
import { refundDetailsResult } from './refund-details-result';

/**
 * The unified `getRefund`, by `refundRequestId`. It asks `GET /v2/pay/refund/details` first (it covers every
 * payment type and names the currency), then `POST /v1/pay/order/refund/query` when V2 does not know the id,
 * since GatePay does not say whether V2 lists refunds made through the v1 endpoints. Both are reads.
 */
export async function queryGatePayRefund(
  client: GatePayClient,
  lookup: RefundLookup,
  options: CallOptions | undefined,
): Promise<RefundResult> {
  if (typeof lookup !== 'object' || lookup === null) {
    throw invalidRequest('lookup', 'lookup must be an object with the refundId to query.', 'gatepay');
  }
  const refundId = parseGatePayInput(refundRequestIdSchema, lookup.refundId, 'refundId');
  const callOptions = { signal: options?.signal };
  try {
    return refundDetailsResult(
      await client.refundDetails({ refundRequestId: refundId }, callOptions),
      refundId,
    );
  } catch (error) {
    if (!RefundError.isInstance(error) || error.code !== 'not_found') throw error;
  }
  const response = await client.orderRefundQuery({ refundRequestId: refundId }, callOptions);
  return orderRefundQueryResult(response, { ...lookup, refundId });
}
