import type { GatePayCallOptions, GatePaySender } from '../create-gatepay-sender';
import { parseGatePayInput } from '../parse-gatepay-input';
import type { GatePayResponse } from '../read-gatepay-response';
import { stringifyGatePayBody } from '../stringify-gatepay-body';
import { type OrderRefundData, orderRefundDataSchema } from './order-refund-api';
import { type OrderRefundBody, orderRefundBodySchema } from './order-refund-options';

/** `POST /v1/pay/order/refund`. GatePay says refunds cannot be cancelled, withdrawn or rolled back. */
export async function orderRefund(
  sender: GatePaySender,
  body: OrderRefundBody,
  options?: GatePayCallOptions,
): Promise<GatePayResponse<OrderRefundData>> {
  const checked = parseGatePayInput(orderRefundBodySchema, body);
  return sender.send({
    method: 'POST',
    path: '/v1/pay/order/refund',
    body: stringifyGatePayBody(checked),
    writes: true,
    dataSchema: orderRefundDataSchema,
    options,
  });
}
