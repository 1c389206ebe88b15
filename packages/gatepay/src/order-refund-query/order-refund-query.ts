import type { GatePayCallOptions, GatePaySender } from '../create-gatepay-sender';
import { parseGatePayInput } from '../parse-gatepay-input';
import type { GatePayResponse } from '../read-gatepay-response';
import { stringifyGatePayBody } from '../stringify-gatepay-body';
import { type OrderRefundQueryData, orderRefundQueryDataSchema } from './order-refund-query-api';
import { type OrderRefundQueryBody, orderRefundQueryBodySchema } from './order-refund-query-options';

/** `POST /v1/pay/order/refund/query`. An unknown id is the error 400304. */
export async function orderRefundQuery(
  sender: GatePaySender,
  body: OrderRefundQueryBody,
  options?: GatePayCallOptions,
): Promise<GatePayResponse<OrderRefundQueryData>> {
  const checked = parseGatePayInput(orderRefundQueryBodySchema, body);
  return sender.send({
    method: 'POST',
    path: '/v1/pay/order/refund/query',
    body: stringifyGatePayBody(checked),
    // A read, whatever its method: safe to repeat.
    writes: false,
    dataSchema: orderRefundQueryDataSchema,
    options,
  });
}
