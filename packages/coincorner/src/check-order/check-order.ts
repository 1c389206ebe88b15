import { type CallOptions, RefundError } from '@refunds/core';
import { checkOrderAnswer } from '../check-order-answer';
import { coincornerResponseError } from '../coincorner-response-error';
import type { CoinCornerConnection } from '../create-coincorner-connection';
import { parseCoinCornerJson } from '../parse-coincorner-json';
import { parseOutgoing } from '../parse-outgoing';
import { type CheckOrderResponse, checkOrderResponseSchema } from './check-order-api';
import { type CheckOrderParams, checkOrderParamsSchema } from './check-order-options';

/** `POST /api/CheckOrder`: the order's status, which is also the only record of its refund. */
export async function checkOrder(
  connection: CoinCornerConnection,
  params: CheckOrderParams,
  options: CallOptions = {},
): Promise<CheckOrderResponse> {
  const { OrderId } = parseOutgoing(checkOrderParamsSchema, params);
  const { redactor } = connection;
  const response = await connection.post(
    'CheckOrder',
    { OrderId },
    { writes: false, signal: options.signal },
  );
  if (response.status !== 200)
    throw coincornerResponseError(response, { action: 'CheckOrder', writes: false, redactor });
  const answer = parseCoinCornerJson(response.text, checkOrderResponseSchema, {
    outcome: 'rejected',
    raw: redactor.body(response.text),
  });
  checkOrderAnswer('CheckOrder', OrderId, answer, redactor);
  if (answer.OrderStatus === undefined || answer.OrderStatus === null) {
    throw new RefundError({
      code: 'invalid_response',
      outcome: 'rejected',
      provider: 'coincorner',
      raw: redactor.value(answer),
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
