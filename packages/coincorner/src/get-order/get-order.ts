import type { CallOptions } from '@refunds/core';
import { readOrderAnswer } from '../check-order-answer';
import type { CoinCornerSender } from '../create-coincorner-sender';
import { parseOutgoing } from '../parse-outgoing';
import { type GetOrderResponse, getOrderResponseSchema } from './get-order-api';
import { type GetOrderParams, getOrderParamsSchema } from './get-order-options';

/** `POST /api/GetOrder`: the order's amounts and currencies. */
export async function getOrder(
  sender: CoinCornerSender,
  params: GetOrderParams,
  options: CallOptions = {},
): Promise<GetOrderResponse> {
  const { OrderId } = parseOutgoing(getOrderParamsSchema, params);
  const answer = await readOrderAnswer(sender, 'GetOrder', OrderId, getOrderResponseSchema, options);
  return { ...answer, OrderId };
}
