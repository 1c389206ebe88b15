import type { RefundResult } from '@refunds/core';
import type { GatePayClient } from '../create-gatepay-client';
import type { GatePayRefundEndpoint } from '../gatepay-settings';
import { refundThroughAddress } from './refund-through-address';
import { refundThroughConvert } from './refund-through-convert';
import { refundThroughOrder } from './refund-through-order';
import { refundThroughStandard } from './refund-through-standard';
import { validateRefundRequest } from './validate-refund-request';

const refundThrough = {
  standard: refundThroughStandard,
  order: refundThroughOrder,
  address: refundThroughAddress,
  convert: refundThroughConvert,
} satisfies Record<GatePayRefundEndpoint, unknown>;

/** The unified `refund`: validate everything first, then one call to the chosen endpoint, never resent blindly. */
export async function refundWithGatePay(
  client: GatePayClient,
  request: unknown,
  context: { endpoint: () => GatePayRefundEndpoint; reason: () => string; signal: AbortSignal | undefined },
): Promise<RefundResult> {
  const refund = validateRefundRequest(request, { endpoint: context.endpoint, reason: context.reason() });
  return refundThrough[refund.endpoint](client, refund, context.signal);
}
