import { RefundError, type RefundRequest } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { scriptedFetch } from '../__fixtures__/scripted-fetch';
import { testCredentials, testnetAddress } from '../__fixtures__/test-credentials';
import { createCoinCorner } from '../create-coincorner';

const valid: RefundRequest = {
  refundId: 'refund-1',
  orderId: '55',
  amount: { amount: '10.00', currency: 'GBP' },
  destination: { address: testnetAddress },
};

type Case = [description: string, change: Record<string, unknown>, field: string, rule: string];

// Each case breaks exactly one rule of a valid request.
const cases: Case[] = [
  [
    'a JavaScript number amount',
    { amount: { amount: 10, currency: 'GBP' } },
    'amount.amount',
    'JavaScript numbers cannot hold money exactly',
  ],
  [
    'a negative amount',
    { amount: { amount: '-1.00', currency: 'GBP' } },
    'amount.amount',
    'must not be negative',
  ],
  ['a zero amount', { amount: { amount: '0.00', currency: 'GBP' } }, 'amount.amount', 'greater than zero'],
  ['exponent notation', { amount: { amount: '1e3', currency: 'GBP' } }, 'amount.amount', 'exponent'],
  ['a decimal comma', { amount: { amount: '10,00', currency: 'GBP' } }, 'amount.amount', 'decimal separator'],
  [
    '9 decimal places',
    { amount: { amount: '0.123456789', currency: 'GBP' } },
    'amount.amount',
    'more than the 8 allowed',
  ],
  [
    '21 integer digits',
    { amount: { amount: '1'.repeat(21), currency: 'GBP' } },
    'amount.amount',
    'more than the 20 allowed',
  ],
  ['no amount', { amount: undefined }, 'amount', 'must be an object'],
  ['a lower-case currency', { amount: { amount: '10.00', currency: 'gbp' } }, 'amount.currency', 'capitals'],
  [
    'a crypto ticker as currency',
    { amount: { amount: '10.00', currency: 'USDT' } },
    'amount.currency',
    'three-letter invoice currency',
  ],
  ['no currency', { amount: { amount: '10.00' } }, 'amount.currency', 'currency code'],
  ['an empty refund id', { refundId: '' }, 'refundId', 'non-empty string'],
  ['a refund id over 255 characters', { refundId: 'r'.repeat(256) }, 'refundId', 'at most 255 characters'],
  ['a numeric order id', { orderId: 55 }, 'orderId', 'non-empty string'],
  ['an order id over 100 characters', { orderId: '5'.repeat(101) }, 'orderId', 'at most 100 characters'],
  ['an order id with a line break', { orderId: '55\n' }, 'orderId', 'control characters'],
  ['an order id with a leading space', { orderId: ' 55' }, 'orderId', 'surrounding spaces'],
  ['no destination', { destination: undefined }, 'destination', 'Bitcoin address'],
  ['no address', { destination: { network: 'bitcoin' } }, 'destination.address', 'required'],
  [
    'an address with a wrong checksum',
    { destination: { address: 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsy' } },
    'destination.address',
    'checksum',
  ],
  [
    'an Ethereum address',
    { destination: { address: '0x52908400098527886E0F7030069857D2E4169EE7' } },
    'destination.address',
    'neither a base58check nor a bech32',
  ],
  [
    'a Litecoin address',
    { destination: { address: 'LVg2kJoFNg45Nbpy53h7Fe1wKyeXVRhMH9' } },
    'destination.address',
    'not a Bitcoin address',
  ],
  [
    'another network',
    { destination: { address: testnetAddress, network: 'ethereum' } },
    'destination.network',
    'must be "bitcoin"',
  ],
  [
    'a Gate UID',
    { destination: { address: testnetAddress, accountId: '123' } },
    'destination.accountId',
    'Bitcoin address only',
  ],
  [
    'an unknown provider option',
    { providerOptions: { refundTyp: 1 } },
    'providerOptions.refundTyp',
    'providerOptions.refundTyp',
  ],
  [
    'a negative refundType',
    { providerOptions: { refundType: -1 } },
    'providerOptions.refundType',
    'must not be negative',
  ],
  [
    'a text refundType',
    { providerOptions: { refundType: '1' } },
    'providerOptions.refundType',
    'must be an integer',
  ],
];

describe('refund input validation', () => {
  it.each(cases)('refuses %s before sending anything', async (_description, change, field, rule) => {
    const { fetch, sent } = scriptedFetch();
    const provider = createCoinCorner({ ...testCredentials(), fetch });
    const error = await provider
      .refund({ ...valid, ...change } as RefundRequest)
      .catch((caught: unknown) => caught);
    expect(RefundError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'invalid_request',
      outcome: 'not_sent',
      field,
      provider: 'coincorner',
    });
    expect((error as RefundError).message).toContain(rule);
    expect(sent).toHaveLength(0);
  });

  it('applies the amountMaxDecimals setting', async () => {
    const { fetch, sent } = scriptedFetch();
    const provider = createCoinCorner({ ...testCredentials(), fetch, amountMaxDecimals: 2 });
    await expect(
      provider.refund({ ...valid, amount: { amount: '10.001', currency: 'GBP' } }),
    ).rejects.toMatchObject({
      field: 'amount.amount',
      outcome: 'not_sent',
    });
    expect(sent).toHaveLength(0);
  });

  it('accepts surplus trailing zeros without changing the value, and mainnet addresses', async () => {
    const { fetch, sent } = scriptedFetch({ status: 200 });
    const provider = createCoinCorner({ ...testCredentials(), fetch, verifyOrderBeforeRefund: false });
    const result = await provider.refund({
      ...valid,
      amount: { amount: '10.5000000000', currency: 'GBP' },
      destination: {
        address: 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0',
        network: 'BTC',
      },
    });
    expect(result.amount.amount).toBe('10.50000000');
    expect(new URLSearchParams(sent[0]?.body).get('Amount')).toBe('10.50000000');
  });
});
