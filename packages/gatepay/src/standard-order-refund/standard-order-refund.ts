import type { GatePayCallOptions, GatePaySender } from '../create-gatepay-sender';
import { parseGatePayInput } from '../parse-gatepay-input';
import type { GatePayResponse } from '../read-gatepay-response';
import { stringifyGatePayBody } from '../stringify-gatepay-body';
import { type StandardOrderRefundData, standardOrderRefundDataSchema } from './standard-order-refund-api';
import { type StandardOrderRefundBody, standardOrderRefundBodySchema } from './standard-order-refund-options';

/** `POST /v2/standard/order/refund`. The order must be paid. */
export async function standardOrderRefund(
  sender: GatePaySender,
  body: StandardOrderRefundBody,
  options?: GatePayCallOptions,
): Promise<GatePayResponse<StandardOrderRefundData>> {
  const checked = parseGatePayInput(standardOrderRefundBodySchema, body);
  return sender.send({
    method: 'POST',
    path: '/v2/standard/order/refund',
    body: stringifyGatePayBody(checked, ['refundToGateUid']),
    writes: true,
    dataSchema: standardOrderRefundDataSchema,
    options,
  });
}
