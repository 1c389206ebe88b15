import { describe, expect, it } from 'vitest';
import { createTestClient } from '../__fixtures__/create-test-client';
import { expectedSignatureOf, nodeGatePaySignature, testCredentials } from '../__fixtures__/recording-fetch';

// As GatePay's SDKs type it: snake_case integers as JSON numbers, one of them an int64 above 2^53.
const detailsBody =
  '{"status":"SUCCESS","code":"000000","label":"","errorMessage":"","data":{"refundRequestId":"v2-1",' +
  '"gateRefundId":"2001234567890123456","refundId":"2001234567890123456","orderId":"1665553233227833",' +
  '"createTime":1780017217454,"orderAmount":"10","orderCurrency":"USDT","requestAmount":"3.5","requestCurrency":"USDT",' +
  '"amount":"3.5","currency":"USDT","status":"PROCESS","refund_style":2,"refund_pay_channel":"1",' +
  '"refund_to_gate_uid":18014398509481985,"refund_amount_type":2,"unknownNewField":{"x":1},' +
  '"refundDetails":[{"transactionId":"1","status":"PROCESS","amount":"3.5","currency":"USDT"}]}}';

describe('refundDetails', () => {
  it('GETs /v2/pay/refund/details?refundRequestId= with no body, signing the empty string', async () => {
    const { client, requests } = createTestClient(undefined, {}, () => ({ body: detailsBody }));
    const response = await client.refundDetails({ refundRequestId: 'v2-1' });
    const [request] = requests;
    expect(request?.method).toBe('GET');
    expect(request?.url.pathname).toBe('/v2/pay/refund/details');
    expect(request?.url.searchParams.get('refundRequestId')).toBe('v2-1');
    expect(request?.body.byteLength).toBe(0);
    const timestamp = request?.headers.get('x-gatepay-timestamp') ?? '';
    const nonce = request?.headers.get('x-gatepay-nonce') ?? '';
    expect(request?.headers.get('x-gatepay-signature')).toBe(
      nodeGatePaySignature(testCredentials.secretKey, timestamp, nonce, ''),
    );
    expect(request?.headers.get('x-gatepay-signature')).toBe(expectedSignatureOf(request!));
    expect(response.data).toMatchObject({
      status: 'PROCESS',
      refund_to_gate_uid: '18014398509481985',
      refund_style: '2',
      refund_pay_channel: '1',
      createTime: '1780017217454',
    });
    expect(response.data.unknownNewField).toEqual({ x: '1' });
  });

  it('escapes the refund id in the query string', async () => {
    const { client, requests } = createTestClient(undefined, {}, () => ({ body: detailsBody }));
    await client.refundDetails({ refundRequestId: 'a&b=c#d' }).catch(() => undefined);
    expect(requests[0]?.url.searchParams.get('refundRequestId')).toBe('a&b=c#d');
  });
});
