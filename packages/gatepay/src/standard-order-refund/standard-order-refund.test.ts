import { describe, expect, it } from 'vitest';
import { createTestClient } from '../__fixtures__/create-test-client';
import { expectedSignatureOf } from '../__fixtures__/recording-fetch';

const base = {
  refundRequestId: 'v2-1',
  prepayId: '1665553233227833',
  refundAmount: '3.5',
  refundReason: 'damaged',
};
const answer = {
  refundRequestId: 'v2-1',
  refundGateId: '2001234567890123456',
  prepayId: '1665553233227833',
  orderAmount: '10',
  refundAmount: '3.5',
  errMsg: '',
  orderCurrency: 'USDT',
  payCurrency: 'USDT',
  payAmount: '10',
};

describe('standardOrderRefund', () => {
  it('POSTs to /v2/standard/order/refund in the documented field order', async () => {
    const { client, requests } = createTestClient(answer);
    const response = await client.standardOrderRefund({ ...base, refundBearType: 1, memo: 'm' });
    expect(requests[0]?.url.pathname).toBe('/v2/standard/order/refund');
    expect(requests[0]?.text).toBe(
      '{"refundRequestId":"v2-1","prepayId":"1665553233227833","refundAmount":"3.5","refundReason":"damaged","refundBearType":1,"memo":"m"}',
    );
    expect(requests[0]?.headers.get('x-gatepay-signature')).toBe(expectedSignatureOf(requests[0]!));
    expect(response.data.refundGateId).toBe('2001234567890123456');
  });

  it('sends refundToGateUid as an exact JSON number for a Gate-account refund', async () => {
    const { client, requests } = createTestClient(answer);
    await client.standardOrderRefund({
      ...base,
      refundStyle: 2,
      refundPayChannel: 1,
      refundToGateUid: '18014398509481985',
    });
    expect(requests[0]?.text).toContain(
      '"refundStyle":2,"refundPayChannel":1,"refundToGateUid":18014398509481985}',
    );
  });

  it('accepts refundToGateUid "0", which GatePay\'s Go SDK sends for the original path, as the number 0', async () => {
    const { client, requests } = createTestClient(answer);
    await client.standardOrderRefund({ ...base, refundStyle: 1, refundToGateUid: '0' });
    expect(requests[0]?.text).toContain('"refundStyle":1,"refundToGateUid":0}');
  });

  it.each([
    [{ refundStyle: 2, refundPayChannel: 1, refundToGateUid: '0' }, 'refundToGateUid'],
    [{ refundToGateUid: '00' }, 'refundToGateUid'],
    [{ refundStyle: 2 }, 'refundPayChannel'],
    [{ refundStyle: 2, refundPayChannel: 1 }, 'refundToGateUid'],
    [{ refundStyle: 2, refundPayChannel: 2, refundChain: 'TRX' }, 'refundAddress'],
    [{ refundStyle: 2, refundPayChannel: 2, refundAddress: 'TXyz' }, 'refundChain'],
    [{ refundStyle: 3 }, 'refundStyle'],
    [{ refundBearType: 0 }, 'refundBearType'],
  ] as const)('refuses %o before sending, naming %s', async (target, field) => {
    const { client, requests } = createTestClient(answer);
    await expect(client.standardOrderRefund({ ...base, ...target } as never)).rejects.toMatchObject({
      code: 'invalid_request',
      outcome: 'not_sent',
      field,
    });
    expect(requests).toHaveLength(0);
  });

  it('requires refundReason, as the V2 documentation does', async () => {
    const { client } = createTestClient(answer);
    const { refundReason: _, ...withoutReason } = base;
    await expect(client.standardOrderRefund(withoutReason as never)).rejects.toMatchObject({
      field: 'refundReason',
    });
  });
});
