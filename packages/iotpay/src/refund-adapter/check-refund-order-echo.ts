import { invalidIotPayResponse } from '../invalid-iotpay-response';
import type { RefundOrderResponse } from '../refund-order/refund-order-api';

export interface RefundOrderExpectation {
  mchId: string;
  mchRefundNo: string;
  payOrderId: string;
  refundAmount: bigint;
  currency: string;
}

/** Refuses an acceptance that echoes another refund id, order, amount, currency or merchant than the one sent. */
export function checkRefundOrderEcho(
  response: RefundOrderResponse,
  expected: RefundOrderExpectation,
  raw: unknown,
): void {
  const differs = (received: string | null | undefined, sent: string) =>
    received !== undefined && received !== null && received !== '' && received !== sent;
  const mismatches = [
    differs(response.mchRefundNo, expected.mchRefundNo) ? 'mchRefundNo' : undefined,
    differs(response.payOrderId, expected.payOrderId) ? 'payOrderId' : undefined,
    differsInCents(response.refundAmount, expected.refundAmount) ? 'refundAmount' : undefined,
    differs(response.currency, expected.currency) ? 'currency' : undefined,
    differs(response.mchId, expected.mchId) ? 'mchId' : undefined,
  ].filter((name) => name !== undefined);
  if (mismatches.length > 0) {
    throw invalidIotPayResponse(
      `its acceptance names a different ${mismatches.join(', ')} than the request`,
      raw,
    );
  }
}

function differsInCents(received: string | null | undefined, sent: bigint): boolean {
  if (received === undefined || received === null || received === '') return false;
  return !/^\d+$/.test(received) || BigInt(received) !== sent;
}
