import { RefundError, type RefundRequest } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { createRecordingFetch, testCredentials } from '../__fixtures__/recording-fetch';
import { createGatePay } from '../create-gatepay';
import type { GatePayRefundEndpoint } from '../gatepay-settings';

const valid: RefundRequest = {
  refundId: 'refund-1',
  orderId: '1665553233227833',
  amount: { amount: '10.5', currency: 'USDT' },
  reason: 'customer request',
};

type Case = [
  description: string,
  request: Record<string, unknown>,
  field: string,
  rule: RegExp,
  endpoint?: GatePayRefundEndpoint,
];

const amount = (value: unknown, currency: unknown = 'USDT') => ({
  ...valid,
  amount: { amount: value, currency },
});
const convert = { endpoint: 'convert', refundPayCurrency: 'BTC' };

const cases: Case[] = [
  [
    'a JavaScript number amount',
    amount(10.5),
    'amount.amount',
    /JavaScript numbers cannot hold money exactly/,
  ],
  ['more than 6 decimal places', amount('1.1234567'), 'amount.amount', /more than the 6 allowed/],
  ['less than the 0.0001 minimum', amount('0.00009'), 'amount.amount', /at least 0.0001/],
  ['more than the 5,000,000 maximum', amount('5000000.000001'), 'amount.amount', /at most 5000000/],
  ['a zero amount', amount('0'), 'amount.amount', /greater than zero/],
  ['a negative amount', amount('-1'), 'amount.amount', /negative/],
  ['an amount in exponent notation', amount('1e3'), 'amount.amount', /exponent/],
  ['an amount with a decimal comma', amount('10,50'), 'amount.amount', /"\."/],
  ['a missing amount', { ...valid, amount: undefined }, 'amount', /must be an object/],
  ['a lower-case currency', amount('1', 'usdt'), 'amount.currency', /capital/],
  ['a missing currency', { ...valid, amount: { amount: '1' } }, 'amount.currency', /currency code/],
  [
    'a refundId over 32 characters',
    { ...valid, refundId: 'r'.repeat(33) },
    'refundId',
    /at most 32 characters/,
  ],
  ['an empty refundId', { ...valid, refundId: '' }, 'refundId', /must not be empty/],
  [
    'a refundId with a space',
    { ...valid, refundId: 'refund 1' },
    'refundId',
    /printable ASCII without spaces/,
  ],
  ['a numeric refundId', { ...valid, refundId: 12345 }, 'refundId', /must be a string/],
  ['an orderId that is not a GatePay prepayId', { ...valid, orderId: 'ORDER-42' }, 'orderId', /prepayId/],
  [
    'an orderId passed as a number',
    { ...valid, orderId: 1665553233227833 },
    'orderId',
    /never pass a number/,
  ],
  ['a reason over 256 characters', { ...valid, reason: 'x'.repeat(257) }, 'reason', /at most 256 characters/],
  ['a reason that is not a string', { ...valid, reason: 42 }, 'reason', /must be a string/],
  [
    'an unknown providerOptions key',
    { ...valid, providerOptions: { refundStyle: 2 } },
    'providerOptions.refundStyle',
    /not a field/,
  ],
  [
    'an unknown endpoint',
    { ...valid, providerOptions: { endpoint: 'v3' } },
    'providerOptions.endpoint',
    /one of standard, order, address, convert/,
  ],
  [
    'a convert refund without refundPayCurrency',
    { ...valid, destination: { accountId: '42' }, providerOptions: { endpoint: 'convert' } },
    'providerOptions.refundPayCurrency',
    /required by endpoint "convert"/,
  ],
  [
    'a convert refund without a Gate UID',
    { ...valid, providerOptions: convert },
    'destination.accountId',
    /required by endpoint "convert"/,
  ],
  [
    'an address refund without a Gate UID',
    { ...valid, providerOptions: { endpoint: 'address' } },
    'destination.accountId',
    /required by endpoint "address"/,
  ],
  [
    'a refundPayAmount with 7 decimals',
    {
      ...valid,
      destination: { accountId: '42' },
      providerOptions: { ...convert, refundPayAmount: '0.0000001' },
    },
    'providerOptions.refundPayAmount',
    /6 decimal places/,
  ],
  [
    'a convert-only option on the standard endpoint',
    { ...valid, providerOptions: { refundPayCurrency: 'BTC' } },
    'providerOptions.refundPayCurrency',
    /only applies to endpoint "convert"/,
  ],
  [
    'a standard-only option on the order endpoint',
    { ...valid, providerOptions: { endpoint: 'order', memo: 'm' } },
    'providerOptions.memo',
    /only applies to endpoint "standard"/,
  ],
  [
    'a refundBearType other than 1 or 2',
    { ...valid, providerOptions: { refundBearType: 3 } },
    'providerOptions.refundBearType',
    /1 \(merchant pays the fee\) or 2/,
  ],
  [
    'a Gate UID that is not digits',
    { ...valid, destination: { accountId: 'user-42' } },
    'destination.accountId',
    /Gate UID/,
  ],
  [
    'a Gate UID above int64',
    { ...valid, destination: { accountId: '9223372036854775808' } },
    'destination.accountId',
    /int64/,
  ],
  [
    'an address without its network',
    { ...valid, destination: { address: 'TXyz123' } },
    'destination.network',
    /required with destination.address/,
  ],
  [
    'a network without an address',
    { ...valid, destination: { network: 'TRX' } },
    'destination.address',
    /required with destination.network/,
  ],
  [
    'both a Gate UID and an address',
    { ...valid, destination: { accountId: '42', address: 'TX', network: 'TRX' } },
    'destination',
    /not both/,
  ],
  [
    'an unknown destination field',
    { ...valid, destination: { iban: 'DE00' } },
    'destination.iban',
    /not a field/,
  ],
  [
    'a destination on the v1 order endpoint',
    { ...valid, destination: { accountId: '42' }, providerOptions: { endpoint: 'order' } },
    'destination',
    /original payment path/,
  ],
  [
    'an address on the address endpoint',
    { ...valid, destination: { address: 'TX', network: 'TRX' }, providerOptions: { endpoint: 'address' } },
    'destination.address',
    /Gate UID/,
  ],
  [
    'an address with a space',
    { ...valid, destination: { address: 'T X', network: 'TRX' } },
    'destination.address',
    /without spaces/,
  ],
];

function subject(settings: Parameters<typeof createGatePay>[0] = {}) {
  const { fetch, requests } = createRecordingFetch(() => ({ body: '{}' }));
  return { provider: createGatePay({ ...testCredentials, fetch, ...settings }), requests };
}

describe('refund input validation', () => {
  it.each(cases)('refuses %s before sending anything', async (_, request, field, rule) => {
    const { provider, requests } = subject();
    const error = await provider.refund(request as unknown as RefundRequest).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(RefundError.isInstance(error), String(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', provider: 'gatepay', field });
    expect((error as RefundError).message).toMatch(rule);
    expect((error as RefundError).message).toContain(field);
    expect(requests).toHaveLength(0);
  });

  it('refuses a request that is not an object', async () => {
    const { provider, requests } = subject();
    await expect(provider.refund(null as never)).rejects.toMatchObject({
      field: 'request',
      outcome: 'not_sent',
    });
    expect(requests).toHaveLength(0);
  });

  it('refuses a bad refundEndpoint setting and a bad defaultRefundReason at the first call', async () => {
    await expect(subject({ refundEndpoint: 'v3' as never }).provider.refund(valid)).rejects.toMatchObject({
      field: 'refundEndpoint',
      outcome: 'not_sent',
    });
    const withoutReason = { ...valid, reason: undefined };
    await expect(
      subject({ defaultRefundReason: 'x'.repeat(300) }).provider.refund(withoutReason),
    ).rejects.toMatchObject({
      field: 'defaultRefundReason',
    });
  });

  it('accepts trailing zeros beyond 6 decimals, which change nothing, and sends the amount without them', async () => {
    const { fetch, requests } = createRecordingFetch(() => ({ status: 500, body: 'stop here' }));
    const provider = createGatePay({ ...testCredentials, fetch, baseUrl: 'http://127.0.0.1:9' });
    await provider
      .refund({ ...valid, amount: { amount: '10.50000000', currency: 'USDT' } })
      .catch(() => undefined);
    expect(JSON.parse(requests[0]?.text ?? '{}').refundAmount).toBe('10.500000');
  });
});
