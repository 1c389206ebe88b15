import { type CallOptions, RefundError } from '@refunds/core';
import { readOrderAnswer } from '../check-order-answer';
import type { CoinCornerSender } from '../create-coincorner-sender';
import { parseOutgoing } from '../parse-outgoing';
import { type CheckOrderResponse, checkOrderResponseSchema } from './check-order-api';
import { type CheckOrderParams, checkOrderParamsSchema } from './check-order-options';

/** `POST /api/CheckOrder`: the order's status, which is also the only record of its refund. */
export async function checkOrder(
  sender: CoinCornerSender,
  params: CheckOrderParams,
  options: CallOptions = {},
): Promise<CheckOrderResponse> {
  const { OrderId } = parseOutgoing(checkOrderParamsSchema, params);
  const answer = await readOrderAnswer(sender, 'CheckOrder', OrderId, checkOrderResponseSchema, options);
  if (answer.OrderStatus === undefined || answer.OrderStatus === null) {
    throw new RefundError({
      code: 'invalid_response',
      outcome: 'rejected',
      provider: 'coincorner',
      raw: sender.redactor.value(answer),
      message: `CoinCorner CheckOrder for order "${OrderId}" answered without an OrderStatus; try again later.`,
    });
  }
  return {
    ...answer,
    OrderId,
    OrderStatus: answer.OrderStatus,
    OrderStatusText: answer.OrderStatusText ?? undefined,
  };
}
