import { RefundError } from '@refunds/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startClientSandbox } from '../__fixtures__/start-client-sandbox';
import type { IotPayClient } from '../create-iotpay-client';
import type { IotPaySandbox } from '../sandbox/create-iotpay-sandbox';

let sandbox: IotPaySandbox;
let client: IotPayClient;
beforeAll(async () => ({ sandbox, client } = await startClientSandbox()));
afterAll(() => sandbox.close());

describe('queryRefundOrder', () => {
  it('finds a refund by mchRefundNo or by refundOrderId, values as IOTPay sent them', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'CAD' } });
    const accepted = await client.refundOrder({
      mchRefundNo: 'Q1',
      payOrderId: order.orderId,
      refundAmount: 250n,
    });
    const byNumber = await client.queryRefundOrder({ mchRefundNo: 'Q1' });
    expect(byNumber).toMatchObject({
      mchRefundNo: 'Q1',
      refundAmount: '250',
      status: '1',
      payOrderId: order.orderId,
    });
    const byId = await client.queryRefundOrder({ refundOrderId: accepted.refundOrderId ?? '' });
    expect(byId.mchRefundNo).toBe('Q1');
    expect(sandbox.requests.at(-1)?.path).toBe('/v1/query_refund_order');
  });

  it('reports an unknown refund as not_found and a query without an id as not sent', async () => {
    const missing = await client.queryRefundOrder({ mchRefundNo: 'NOPE' }).catch((caught: unknown) => caught);
    expect(RefundError.isInstance(missing) && [missing.code, missing.outcome]).toEqual([
      'not_found',
      'rejected',
    ]);
    const empty = await client.queryRefundOrder({}).catch((caught: unknown) => caught);
    expect(RefundError.isInstance(empty) && [empty.code, empty.outcome]).toEqual([
      'invalid_request',
      'not_sent',
    ]);
  });
});
