import type { CallOptions } from '@refunds/core';
import { readAnswerBody } from '../api/read-answer-body';
import type { BonusPaySender } from '../create-bonuspay-sender';
import { type PlaceRefundOrderResponse, placeRefundOrderBodySchema } from './place-refund-order-api';
import type { PlaceRefundOrderRequest, PlaceRefundOrderRules } from './place-refund-order-options';
import { serializePlaceRefundOrder } from './serialize-place-refund-order';
import { validatePlaceRefundOrderRequest } from './validate-place-refund-order-request';

/**
 * `crypto/refund/placeOrder`: creates a refund. It is sent once: after a timeout or a broken connection the
 * outcome is `unknown`, to be resolved with `getRefundOrder`. `options.resend` says this call sends again a
 * refund whose earlier attempt may have executed: a 77013 or 77005 refusal is then `unknown`, not `rejected`.
 */
export async function placeRefundOrder(
  sender: BonusPaySender,
  rules: PlaceRefundOrderRules,
  request: PlaceRefundOrderRequest,
  options: CallOptions = {},
): Promise<PlaceRefundOrderResponse> {
  const valid = validatePlaceRefundOrderRequest(request, rules);
  const answer = await sender.post({
    path: 'crypto/refund/placeOrder',
    bizContent: serializePlaceRefundOrder(valid),
    writes: true,
    resend: options.resend,
    signal: options.signal,
  });
  return {
    head: answer.head,
    body: readAnswerBody(answer, placeRefundOrderBodySchema, true),
    raw: answer.raw,
  };
}
