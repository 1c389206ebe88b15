import { type CallOptions, parseJsonResponse } from '@refunds/core';
import { coincornerResponseError } from '../coincorner-response-error';
import type { CoinCornerSender } from '../create-coincorner-sender';
import { parseOutgoing } from '../parse-outgoing';
import { type RefundOrderResponse, refundOrderResponseSchema } from './refund-order-api';
import { type RefundOrderParams, refundOrderParamsSchema } from './refund-order-options';

/**
 * `POST /api/RefundOrder`. Sent once: CoinCorner has no refund id, so a retry could pay twice and any failure
 * after sending is `outcome: 'unknown'`.
 */
export async function refundOrder(
  sender: CoinCornerSender,
  params: RefundOrderParams,
  options: CallOptions = {},
): Promise<RefundOrderResponse> {
  const fields = parseOutgoing(refundOrderParamsSchema, params);
  const response = await sender.post(
    'RefundOrder',
    {
      OrderId: fields.OrderId,
      Amount: fields.Amount,
      Address: fields.Address,
      RefundType: String(fields.RefundType),
    },
    { writes: true, signal: options.signal },
  );
  // Any 2xx is an acceptance: calling a 204 a failure would report a refund that happened as one that did not.
  if (response.status < 200 || response.status > 299) {
    throw coincornerResponseError(response, {
      action: 'RefundOrder',
      writes: true,
      resend: options.resend,
      redactor: sender.redactor,
    });
  }
  if (response.text.trim() === '') return { accepted: true, message: undefined };
  const message = parseJsonResponse(response.text, refundOrderResponseSchema, {
    provider: 'coincorner',
    outcome: 'unknown',
    raw: sender.redactor.body(response.text),
  });
  return { accepted: true, message: sender.redactor.text(message) };
}
