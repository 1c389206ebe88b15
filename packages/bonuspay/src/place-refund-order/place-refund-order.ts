import type { CallOptions } from '@refunds/core';
import type { BonusPayConnection } from '../api/create-bonuspay-connection';
import { readAnswerBody } from '../api/read-answer-body';
import { type PlaceRefundOrderResponse, placeRefundOrderBodySchema } from './place-refund-order-api';
import type { PlaceRefundOrderRequest, PlaceRefundOrderRules } from './place-refund-order-options';
import { serializePlaceRefundOrder } from './serialize-place-refund-order';
import { validatePlaceRefundOrderRequest } from './validate-place-refund-order-request';

/**
 * `crypto/refund/placeOrder`: creates a refund. It is sent once: after a timeout or a broken connection the
 * outcome is `unknown`, to be resolved with `getRefundOrder`, because a resend is not documented as safe.
 */
export async function placeRefundOrder(
  connection: BonusPayConnection,
  rules: PlaceRefundOrderRules,
  request: PlaceRefundOrderRequest,
  options: CallOptions = {},
): Promise<PlaceRefundOrderResponse> {
  const valid = validatePlaceRefundOrderRequest(request, rules);
  const answer = await connection.post({
    path: 'crypto/refund/placeOrder',
    bizContent: serializePlaceRefundOrder(valid),
    writes: true,
    signal: options.signal,
  });
  return {
    head: answer.head,
    body: readAnswerBody(answer, placeRefundOrderBodySchema, true),
    raw: answer.raw,
  };
}
