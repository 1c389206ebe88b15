import { describe, expect, it } from 'vitest';
import { createTestClient } from '../__fixtures__/create-test-client';
import { expectedSignatureOf } from '../__fixtures__/recording-fetch';

describe('addressRefund', () => {
  it('POSTs to /v1/pay/address/refund with receiverId as an exact JSON number above 2^53', async () => {
    const { client, requests } = createTestClient({
      refundRequestId: 'addr-1',
      prepayId: '1665553233227833',
      orderAmount: '14.9',
      refundAmount: '4.9',
    });
    const response = await client.addressRefund({
      refundRequestId: 'addr-1',
      prepayId: '1665553233227833',
      refundAmount: '4.9',
      receiverId: '9007199254740993',
    });
    expect(requests[0]?.url.pathname).toBe('/v1/pay/address/refund');
    expect(requests[0]?.text).toBe(
      '{"refundRequestId":"addr-1","prepayId":"1665553233227833","refundAmount":"4.9","receiverId":9007199254740993}',
    );
    expect(requests[0]?.headers.get('x-gatepay-signature')).toBe(expectedSignatureOf(requests[0]!));
    expect(response.data.refundAmount).toBe('4.9');
  });

  it('refuses a missing or numeric receiverId before sending', async () => {
    const { client, requests } = createTestClient({});
    const base = { refundRequestId: 'a', prepayId: '1', refundAmount: '1' };
    await expect(client.addressRefund(base as never)).rejects.toMatchObject({
      field: 'receiverId',
      outcome: 'not_sent',
    });
    await expect(client.addressRefund({ ...base, receiverId: 123 } as never)).rejects.toMatchObject({
      field: 'receiverId',
      message: expect.stringMatching(/never pass a number/),
    });
    expect(requests).toHaveLength(0);
  });
});
