import { RefundError } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { useClientSandbox } from '../__fixtures__/use-client-sandbox';

const iotpay = useClientSandbox();

describe('queryOrder', () => {
  it('reads the original payment, its amount in cents kept as sent', async () => {
    const order = await iotpay.sandbox.seedOrder({ amount: { amount: '19.99', currency: 'USD' } });
    const payment = await iotpay.client.queryOrder({ payOrderId: order.orderId });
    expect(payment).toMatchObject({
      payOrderId: order.orderId,
      amount: '1999',
      currency: 'USD',
      status: '2',
    });
    const byMerchantNumber = await iotpay.client.queryOrder({ mchOrderNo: payment.mchOrderNo ?? '' });
    expect(byMerchantNumber.payOrderId).toBe(order.orderId);
  });

  it('reports an unknown order (signed 0112) as not_found', async () => {
    const missing = await iotpay.client.queryOrder({ payOrderId: 'U404' }).catch((caught: unknown) => caught);
    expect(RefundError.isInstance(missing) && [missing.code, missing.outcome, missing.providerCode]).toEqual([
      'not_found',
      'rejected',
      '0112',
    ]);
  });
});
