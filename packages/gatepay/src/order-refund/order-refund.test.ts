import { describe, expect, it } from 'vitest';
import { createTestClient } from '../__fixtures__/create-test-client';
import knownAnswers from '../__fixtures__/known-answers.json';
import { expectedSignatureOf, testCredentials } from '../__fixtures__/recording-fetch';

const gp4 = knownAnswers.vectors.find((vector) => vector.name === 'GP-4')!;
const answer = {
  refundRequestId: '156123911',
  prepayId: '1647438500687506',
  orderAmount: '1.91',
  refundAmount: '0.8',
  channelId: '',
};

describe('orderRefund', () => {
  it('POSTs the exact GP-4 body to /v1/pay/order/refund, signed over those bytes', async () => {
    const { client, requests } = createTestClient(answer);
    const response = await client.orderRefund({
      refundRequestId: '156123911',
      prepayId: '1647438500687506',
      refundAmount: '0.8',
    });
    const [request] = requests;
    expect(request?.method).toBe('POST');
    expect(request?.url.href).toBe('https://gatepay.test/v1/pay/order/refund');
    expect(request?.text).toBe(gp4.body);
    expect(request?.headers.get('content-type')).toBe('application/json');
    expect(request?.headers.get('x-gatepay-certificate-clientid')).toBe(testCredentials.clientId);
    expect(request?.headers.get('x-gatepay-timestamp')).toMatch(/^\d{13}$/);
    expect(Math.abs(Number(request?.headers.get('x-gatepay-timestamp')) - Date.now())).toBeLessThan(5_000);
    expect(request?.headers.get('x-gatepay-nonce')).toMatch(/^[0-9A-Za-z]{32}$/);
    expect(request?.headers.get('x-gatepay-signature')).toBe(expectedSignatureOf(request!));
    expect(request?.headers.has('x-gatepay-on-behalf-of')).toBe(false);
    expect(response.data).toMatchObject(answer);
  });

  it('goes to the institution path with X-GatePay-On-Behalf-Of for a sub-account', async () => {
    const { client, requests } = createTestClient(answer, { onBehalfOf: 'sub-account-7' });
    await client.orderRefund({
      refundRequestId: '156123911',
      prepayId: '1647438500687506',
      refundAmount: '0.8',
    });
    expect(requests[0]?.url.pathname).toBe('/payment/open/institution/v1/pay/order/refund');
    expect(requests[0]?.headers.get('x-gatepay-on-behalf-of')).toBe('sub-account-7');
  });

  it('lets one call name another sub-account, and refuses one that cannot go in a header', async () => {
    const { client, requests } = createTestClient(answer);
    await client.orderRefund(
      { refundRequestId: '156123911', prepayId: '1647438500687506', refundAmount: '0.8' },
      { onBehalfOf: 'other' },
    );
    expect(requests[0]?.headers.get('x-gatepay-on-behalf-of')).toBe('other');
    await expect(
      client.orderRefund(
        { refundRequestId: 'x', prepayId: '1', refundAmount: '1' },
        { onBehalfOf: 'a b\r\n' },
      ),
    ).rejects.toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'onBehalfOf' });
    expect(requests).toHaveLength(1);
  });

  it('refuses a reason over 256 characters and unknown fields before sending', async () => {
    const { client, requests } = createTestClient(answer);
    const base = { refundRequestId: 'r', prepayId: '1', refundAmount: '1' };
    await expect(client.orderRefund({ ...base, refundReason: 'x'.repeat(257) })).rejects.toMatchObject({
      field: 'refundReason',
      outcome: 'not_sent',
    });
    await expect(client.orderRefund({ ...base, refundAmmount: '1' } as never)).rejects.toMatchObject({
      field: 'refundAmmount',
      message: expect.stringMatching(/not a field GatePay accepts/),
    });
    expect(requests).toHaveLength(0);
  });
});
