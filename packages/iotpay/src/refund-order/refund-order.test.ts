import { RefundError } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { useClientSandbox } from '../__fixtures__/use-client-sandbox';
import type { RefundOrderOptions } from './refund-order-options';

const iotpay = useClientSandbox();

describe('refundOrder', () => {
  it('posts refund_order with the settings filled in and returns IOTPay acceptance', async () => {
    const order = await iotpay.sandbox.seedOrder({ amount: { amount: '10.00', currency: 'CAD' } });
    const accepted = await iotpay.client.refundOrder({
      mchRefundNo: 'C1',
      payOrderId: order.orderId,
      refundAmount: '250',
      channelId: 'WX_NATIVE',
      device: 'WEB',
    });
    expect(accepted).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS' });
    expect(accepted.refundOrderId).toMatch(/^R01/);
    const sent = JSON.parse(new URLSearchParams(iotpay.sandbox.requests.at(-1)?.text).get('params') ?? '{}');
    expect(sent).toMatchObject({
      mchId: iotpay.sandbox.settings.mchId,
      loginName: iotpay.sandbox.settings.loginName,
      clientIp: '127.0.0.1',
      refundAmount: 250,
      channelId: 'WX_NATIVE',
      device: 'WEB',
    });
    expect(sent).not.toHaveProperty('currency');
  });

  it.each([
    ['refundAmount', { mchRefundNo: 'C2', payOrderId: 'U1', refundAmount: 0n }],
    ['refundAmount', { mchRefundNo: 'C2', payOrderId: 'U1', refundAmount: 2_147_483_648n }],
    ['refundAmount', { mchRefundNo: 'C2', payOrderId: 'U1', refundAmount: 1.5 }],
    ['refundAmount', { mchRefundNo: 'C2', payOrderId: 'U1', refundAmount: '1.50' }],
    ['currency', { mchRefundNo: 'C2', payOrderId: 'U1', refundAmount: 1, currency: 'EUR' }],
    ['sign', { mchRefundNo: 'C2', payOrderId: 'U1', refundAmount: 1, sign: 'X' }],
    ['payOrderId', { mchRefundNo: 'C2', refundAmount: 1 }],
    ['mchRefundNo', { mchRefundNo: 'C'.repeat(31), payOrderId: 'U1', refundAmount: 1 }],
  ])('refuses a bad %s before sending', async (field, options) => {
    const before = iotpay.sandbox.requests.length;
    const error = await iotpay.client
      .refundOrder(options as RefundOrderOptions)
      .catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error) && [error.code, error.outcome, error.field]).toEqual([
      'invalid_request',
      'not_sent',
      field,
    ]);
    expect(iotpay.sandbox.requests.length).toBe(before);
  });
});
