import {
  type CallOptions,
  createRedactor,
  type RefundLookup,
  type RefundProviderV1,
  type RefundRequest,
  type RefundResult,
} from '@refunds/core';
import type { __Name__Settings } from './__name__-settings';
import { create__Name__Client } from './create-__name__-client';
import { read__Name__Settings } from './read-__name__-settings';
import { checkRefundEcho } from './refund-adapter/check-refund-echo';
import { parseRefundLookup, parseRefundRequest } from './refund-adapter/parse-refund-request';
import { toRefundResult } from './refund-adapter/to-refund-result';

/**
 * __Name__ behind the `refunds-v1` contract. `refundId` is sent as __Name__'s refund id, so that a resent refund
 * is replayed rather than paid twice; a refund is `pending` until getRefund reads a final status.
 */
export function create__Name__(settings: __Name__Settings = {}): RefundProviderV1 {
  const client = create__Name__Client(settings);
  const redactor = createRedactor(read__Name__Settings(settings).secrets);

  const refund = async (request: RefundRequest, options?: CallOptions): Promise<RefundResult> => {
    const body = parseRefundRequest(request);
    const accepted = await client.createRefund(body, options);
    const raw = redactor.value(accepted);
    checkRefundEcho(body, accepted, raw);
    return toRefundResult(accepted, raw);
  };

  const getRefund = async (lookup: RefundLookup, options?: CallOptions): Promise<RefundResult> => {
    const found = await client.queryRefund(parseRefundLookup(lookup), options);
    return toRefundResult(found, redactor.value(found));
  };

  return Object.freeze({
    specificationVersion: 'refunds-v1',
    provider: '__name__',
    // TODO: what __Name__ really offers; the conformance suite holds the adapter to every claim made here.
    capabilities: Object.freeze({
      partialRefund: true,
      multipleRefunds: true,
      statusQuery: true,
      notifications: false,
      nativeIdempotency: settings.nativeIdempotency ?? true,
    }),
    refund,
    getRefund,
  });
}
