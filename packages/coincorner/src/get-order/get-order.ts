import type { CallOptions } from '@refunds/core';
import { checkOrderAnswer } from '../check-order-answer';
import { coincornerResponseError } from '../coincorner-response-error';
import type { CoinCornerConnection } from '../create-coincorner-connection';
import { parseCoinCornerJson } from '../parse-coincorner-json';
import { parseOutgoing } from '../parse-outgoing';
import { type GetOrderResponse, getOrderResponseSchema } from './get-order-api';
import { type GetOrderParams, getOrderParamsSchema } from './get-order-options';

/** `POST /api/GetOrder`: the order's amounts and currencies. */
export async function getOrder(
  connection: CoinCornerConnection,
  params: GetOrderParams,
  options: CallOptions = {},
): Promise<GetOrderResponse> {
  const { OrderId } = parseOutgoing(getOrderParamsSchema, params);
  const { redactor } = connection;
  const response = await connection.post('GetOrder', { OrderId }, { writes: false, signal: options.signal });
  if (response.status !== 200)
    throw coincornerResponseError(response, { action: 'GetOrder', writes: false, redactor });
  const answer = parseCoinCornerJson(response.text, getOrderResponseSchema, {
    outcome: 'rejected',
    raw: redactor.body(response.text),
  });
  checkOrderAnswer('GetOrder', OrderId, answer, redactor);
  return { ...answer, OrderId };
}
