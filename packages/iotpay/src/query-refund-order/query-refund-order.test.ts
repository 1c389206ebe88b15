import { RefundError } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { useClientSandbox } from '../__fixtures__/use-client-sandbox';

const iotpay = useClientSandbox();

describe('queryRefundOrder', () => {
  it('finds a refund by mchRefundNo or by refundOrderId, values as IOTPay sent them', async () => {
    const order = await iotpay.sandbox.seedOrder({ amount: { amount: '10.00', currency: 'CAD' } });
    const accepted = await iotpay.client.refundOrder({
      mchRefundNo: 'Q1',
      payOrderId: order.orderId,
      refundAmount: 250n,
    });
    const byNumber = await iotpay.client.queryRefundOrder({ mchRefundNo: 'Q1' });
    expect(byNumber).toMatchObject({
      mchRefundNo: 'Q1',
      refundAmount: '250',
      status: '1',
      payOrderId: order.orderId,
    });
    const byId = await iotpay.client.queryRefundOrder({ refundOrderId: accepted.refundOrderId ?? '' });
    expect(byId.mchRefundNo).toBe('Q1');
    expect(iotpay.sandbox.requests.at(-1)?.path).toBe('/v1/query_refund_order');
  });

  it('reports an unknown refund as not_found and a query without an id as not sent', async () => {
    const missing = await iotpay.client
      .queryRefundOrder({ mchRefundNo: 'NOPE' })
      .catch((caught: unknown) => caught);
    expect(RefundError.isInstance(missing) && [missing.code, missing.outcome]).toEqual([
      'not_found',
      'rejected',
    ]);
    const empty = await iotpay.client.queryRefundOrder({}).catch((caught: unknown) => caught);
    expect(RefundError.isInstance(empty) && [empty.code, empty.outcome]).toEqual([
      'invalid_request',
      'not_sent',
    ]);
  });
});
