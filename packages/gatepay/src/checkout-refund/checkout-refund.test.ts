import { describe, expect, it } from 'vitest';
import { createTestClient } from '../__fixtures__/create-test-client';

describe('checkoutRefund (legacy)', () => {
  it('POSTs the convert body to /v1/pay/checkout/refund', async () => {
    const { client, requests } = createTestClient({
      refundRequestId: 'c',
      prepayId: '1',
      refundOrderAmount: '1',
    });
    await client.checkoutRefund({
      refundRequestId: 'c',
      prepayId: '1',
      refundOrderCurrency: 'USDT',
      refundOrderAmount: '1',
      refundPayCurrency: 'USDT',
      refundReason: 'r',
      receiverId: '42',
    });
    expect(requests[0]?.url.pathname).toBe('/v1/pay/checkout/refund');
    expect(requests[0]?.text).toContain('"receiverId":42}');
  });
});
