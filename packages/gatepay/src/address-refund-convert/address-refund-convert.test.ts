import { describe, expect, it } from 'vitest';
import { createTestClient } from '../__fixtures__/create-test-client';
import knownAnswers from '../__fixtures__/known-answers.json';
import { expectedSignatureOf } from '../__fixtures__/recording-fetch';

const gp3 = knownAnswers.vectors.find((vector) => vector.name === 'GP-3')!;

describe('addressRefundConvert', () => {
  it('sends the documented example (GP-3) byte for byte to /v1/pay/address/refundconvert', async () => {
    const { client, requests } = createTestClient({
      refundRequestId: '483902480932841787',
      prepayId: '1665553233227833',
      orderCurrency: 'BTC',
      orderAmount: '2.2',
      refundOrderAmount: '2.2',
      payCurrency: 'USDT',
      payAmount: '44000',
      refundPayAmount: '1000.1',
    });
    const response = await client.addressRefundConvert({
      refundRequestId: '483902480932841787',
      prepayId: '1665553233227833',
      refundOrderCurrency: 'BTC',
      refundPayCurrency: 'USDT',
      refundReason: 'refund test',
      receiverId: '123456',
    });
    expect(requests[0]?.url.pathname).toBe('/v1/pay/address/refundconvert');
    expect(requests[0]?.text).toBe(gp3.body);
    expect(requests[0]?.headers.get('x-gatepay-signature')).toBe(expectedSignatureOf(requests[0]!));
    expect(response.data).toMatchObject({ refundPayAmount: '1000.1', payAmount: '44000' });
  });

  it('places both amounts in the SDK field order when given', async () => {
    const { client, requests } = createTestClient({ refundRequestId: 'c', prepayId: '1' });
    await client.addressRefundConvert({
      refundRequestId: 'c',
      prepayId: '1',
      refundOrderCurrency: 'BTC',
      refundOrderAmount: '0.001',
      refundPayCurrency: 'USDT',
      refundPayAmount: '100',
      refundReason: 'r',
      receiverId: '42',
    });
    expect(requests[0]?.text).toBe(
      '{"refundRequestId":"c","prepayId":"1","refundOrderCurrency":"BTC","refundOrderAmount":"0.001","refundPayCurrency":"USDT","refundPayAmount":"100","refundReason":"r","receiverId":42}',
    );
  });
});
