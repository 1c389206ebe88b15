import type { GatePayCallOptions, GatePaySender } from '../create-gatepay-sender';
import { parseGatePayInput } from '../parse-gatepay-input';
import type { GatePayResponse } from '../read-gatepay-response';
import { type RefundDetailsData, refundDetailsDataSchema } from './refund-details-api';
import { type RefundDetailsQuery, refundDetailsQuerySchema } from './refund-details-options';

/**
 * `GET /v2/pay/refund/details?refundRequestId=...`. GatePay advises it when no notification arrived within
 * 10 seconds of a V2 refund.
 */
export async function refundDetails(
  sender: GatePaySender,
  query: RefundDetailsQuery,
  options?: GatePayCallOptions,
): Promise<GatePayResponse<RefundDetailsData>> {
  const checked = parseGatePayInput(refundDetailsQuerySchema, query);
  return sender.send({
    method: 'GET',
    path: '/v2/pay/refund/details',
    query: { refundRequestId: checked.refundRequestId },
    writes: false,
    dataSchema: refundDetailsDataSchema,
    options,
  });
}
