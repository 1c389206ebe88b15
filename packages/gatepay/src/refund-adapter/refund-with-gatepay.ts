import type { RefundResult } from '@refunds/core';
import type { GatePayClient } from '../create-gatepay-client';
import type { GatePayRefundEndpoint } from '../gatepay-settings';
import type { RefundCallOptions } from './refund-call-options';
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

/**
 * The unified `refund`: validate everything first, then one call to the chosen endpoint, never resent blindly.
 * `resend` (the caller sends again a refund whose outcome was unknown) changes how refusals read, not what is sent.
 */
export async function refundWithGatePay(
  client: GatePayClient,
  request: unknown,
  context: { endpoint: () => GatePayRefundEndpoint; reason: () => string } & RefundCallOptions,
): Promise<RefundResult> {
  const refund = validateRefundRequest(request, { endpoint: context.endpoint, reason: context.reason() });
  return refundThrough[refund.endpoint](client, refund, { signal: context.signal, resend: context.resend });
}
