import { RefundError } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientSandbox } from '../__fixtures__/start-client-sandbox';
import type { IotPayClient } from '../create-iotpay-client';
import type { IotPaySandbox } from '../sandbox/create-iotpay-sandbox';

let sandbox: IotPaySandbox;
let client: IotPayClient;
beforeAll(async () => ({ sandbox, client } = await startClientSandbox()));
afterAll(() => sandbox.close());

describe('queryOrder', () => {
  it('reads the original payment, its amount in cents kept as sent', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '19.99', currency: 'USD' } });
    const payment = await client.queryOrder({ payOrderId: order.orderId });
    expect(payment).toMatchObject({
      payOrderId: order.orderId,
      amount: '1999',
      currency: 'USD',
      status: '2',
    });
    const byMerchantNumber = await client.queryOrder({ mchOrderNo: payment.mchOrderNo ?? '' });
    expect(byMerchantNumber.payOrderId).toBe(order.orderId);
  });

  it('reports an unknown order (signed 0112) as not_found', async () => {
    const missing = await client.queryOrder({ payOrderId: 'U404' }).catch((caught: unknown) => caught);
    expect(RefundError.isInstance(missing) && [missing.code, missing.outcome, missing.providerCode]).toEqual([
      'not_found',
      'rejected',
      '0112',
    ]);
  });
});
