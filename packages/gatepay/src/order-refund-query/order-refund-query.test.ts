import { describe, expect, it } from 'vitest';
import { createTestClient } from '../__fixtures__/create-test-client';
import { expectedSignatureOf } from '../__fixtures__/recording-fetch';

describe('orderRefundQuery', () => {
  it('POSTs {"refundRequestId"} to /v1/pay/order/refund/query and reads refundStatus', async () => {
    const { client, requests } = createTestClient({
      refundRequestId: '156123911',
      prepayId: '1647438500687506',
      orderAmount: '1.91',
      refundAmount: '0.8',
      refundStatus: 'SUCCESS',
      channelId: '',
    });
    const response = await client.orderRefundQuery({ refundRequestId: '156123911' });
    expect(requests[0]?.method).toBe('POST');
    expect(requests[0]?.url.pathname).toBe('/v1/pay/order/refund/query');
    expect(requests[0]?.text).toBe('{"refundRequestId":"156123911"}');
    expect(requests[0]?.headers.get('x-gatepay-signature')).toBe(expectedSignatureOf(requests[0]!));
    expect(response.data.refundStatus).toBe('SUCCESS');
    expect(response.data.refundAmount).toBe('0.8');
  });

  it('refuses a refundRequestId over 32 characters before sending', async () => {
    const { client, requests } = createTestClient({});
    await expect(client.orderRefundQuery({ refundRequestId: 'r'.repeat(33) })).rejects.toMatchObject({
      code: 'invalid_request',
      outcome: 'not_sent',
      field: 'refundRequestId',
    });
    expect(requests).toHaveLength(0);
  });
});
