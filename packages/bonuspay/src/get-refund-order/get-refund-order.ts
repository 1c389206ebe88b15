import type { CallOptions } from '@refunds/core';
import { readAnswerBody } from '../api/read-answer-body';
import type { BonusPaySender } from '../create-bonuspay-sender';
import { type GetRefundOrderResponse, getRefundOrderBodySchema } from './get-refund-order-api';
import type { GetRefundOrderRequest } from './get-refund-order-options';
import { validateGetRefundOrderRequest } from './validate-get-refund-order-request';

/** `crypto/refund/getOrder`: a refund's current state. A read, so the transport may retry it. */
export async function getRefundOrder(
  sender: BonusPaySender,
  request: GetRefundOrderRequest,
  options: CallOptions = {},
): Promise<GetRefundOrderResponse> {
  const valid = validateGetRefundOrderRequest(request);
  const answer = await sender.post({
    path: 'crypto/refund/getOrder',
    bizContent:
      valid.orderNo === undefined
        ? { refundMerchantOrderNo: valid.refundMerchantOrderNo }
        : { orderNo: valid.orderNo },
    writes: false,
    signal: options.signal,
  });
  return {
    head: answer.head,
    body: readAnswerBody(answer, getRefundOrderBodySchema, false),
    raw: answer.raw,
  };
}
