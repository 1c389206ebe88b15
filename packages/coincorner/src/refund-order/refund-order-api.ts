import * as v from 'valibot';

/**
 * RefundOrder's success body is undocumented ("Sample not available"): the action returns no model, so HTTP 200
 * with an empty body or a bare JSON string is what ASP.NET produces. Anything else is not trusted.
 */
export const refundOrderResponseSchema = v.string();

export interface RefundOrderResponse {
  /** CoinCorner accepted the refund; confirm it with CheckOrder (OrderStatus -4, then -5). */
  accepted: true;
  /** The JSON string CoinCorner answered with, if any. */
  message: string | undefined;
}
