import { formatAmount, fromMinorUnits, type RefundLookup, type RefundResult } from '@refunds/core';
import { invalidIotPayResponse } from '../invalid-iotpay-response';
import { type IotPayCurrency, iotpayCurrencies } from '../iotpay-settings';
import type { QueryRefundOrderResponse } from '../query-refund-order/query-refund-order-api';
import { mapIotPayRefundStatus } from './map-iotpay-refund-status';

/**
 * A refund query answer as a `RefundResult`, after checking it is about the refund that was asked for: the same
 * mchRefundNo, and the same order and IOTPay refund id where both sides name one.
 */
export function toRefundResult(
  response: QueryRefundOrderResponse,
  lookup: RefundLookup,
  options: { currency: IotPayCurrency; raw: unknown },
): RefundResult {
  const { raw } = options;
  if (response.mchRefundNo !== lookup.refundId) {
    throw invalidIotPayResponse(
      `its refund query answer is about mchRefundNo ${describe(response.mchRefundNo)}, not ${lookup.refundId}`,
      raw,
    );
  }
  if (lookup.orderId && response.payOrderId && response.payOrderId !== lookup.orderId) {
    throw invalidIotPayResponse(
      `refund ${lookup.refundId} belongs to order ${response.payOrderId}, not ${lookup.orderId}`,
      raw,
    );
  }
  if (
    lookup.providerRefundId &&
    response.refundOrderId &&
    response.refundOrderId !== lookup.providerRefundId
  ) {
    throw invalidIotPayResponse(
      `refund ${lookup.refundId} has refundOrderId ${response.refundOrderId}, not ${lookup.providerRefundId}`,
      raw,
    );
  }
  const currency = response.currency || options.currency;
  if (!(iotpayCurrencies as readonly string[]).includes(currency)) {
    throw invalidIotPayResponse(
      `refund ${lookup.refundId} is in ${currency}, a currency this package does not handle`,
      raw,
    );
  }
  const status = mapIotPayRefundStatus(response.status);
  if (status === undefined) {
    throw invalidIotPayResponse(
      `refund ${lookup.refundId} has the undocumented status ${response.status}`,
      raw,
    );
  }
  const providerRefundId = response.refundOrderId || lookup.providerRefundId;
  return {
    refundId: lookup.refundId,
    provider: 'iotpay',
    ...(providerRefundId ? { providerRefundId } : {}),
    status,
    amount: { amount: formatAmount(fromMinorUnits(response.refundAmount, 2), 2), currency },
    ...(status === 'failed'
      ? {
          failure: {
            code: '3',
            message: 'IOTPay reports the refund failed (status 3): no money was returned.',
          },
        }
      : {}),
    raw,
  };
}

function describe(value: string | null | undefined): string {
  return value ? value : '(none)';
}
