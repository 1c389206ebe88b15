import type { RefundRequest } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { fakeBonusPayFetch } from '../__fixtures__/fake-bonuspay-fetch';
import { testKeys } from '../__fixtures__/known-answers';
import { createBonusPay } from '../create-bonuspay';

const valid: RefundRequest = {
  refundId: 'R-2024_0001',
  orderId: 'M20231114000001',
  amount: { amount: '1.50', currency: 'USDT' },
  reason: 'customer request',
  destination: { address: 'TU1PTkFH1DnaRsAP5Aa12YXY2KNgsgm8PD', network: 'TRON' },
};

const { fetch, requests } = fakeBonusPayFetch(testKeys.privateKey, () => {
  throw new Error('nothing may be sent for invalid input');
});
const provider = createBonusPay({
  partnerId: '200000000888',
  privateKey: testKeys.privateKey,
  platformPublicKey: testKeys.publicKey,
  fetch,
});

type Case = [description: string, field: string, rule: RegExp, change: (request: RefundRequest) => unknown];

const cases: Case[] = [
  ['not an object', 'request', /must be an object/, () => null],
  [
    'a JavaScript number amount',
    'amount.amount',
    /JavaScript numbers cannot hold money exactly/,
    (r) => ({ ...r, amount: { amount: 1.5, currency: 'USDT' } }),
  ],
  ['no amount', 'amount', /must be an object/, (r) => ({ ...r, amount: undefined })],
  [
    'a zero amount',
    'amount.amount',
    /greater than zero/,
    (r) => ({ ...r, amount: { amount: '0.00', currency: 'USDT' } }),
  ],
  [
    'a negative amount',
    'amount.amount',
    /negative/,
    (r) => ({ ...r, amount: { amount: '-1', currency: 'USDT' } }),
  ],
  [
    'an exponent amount',
    'amount.amount',
    /exponent/,
    (r) => ({ ...r, amount: { amount: '1e2', currency: 'USDT' } }),
  ],
  [
    'a comma amount',
    'amount.amount',
    /decimal separator/,
    (r) => ({ ...r, amount: { amount: '1,50', currency: 'USDT' } }),
  ],
  [
    'more USDT decimals than BonusPay takes',
    'amount.amount',
    /precision for USDT is 2/,
    (r) => ({ ...r, amount: { amount: '1.505', currency: 'USDT' } }),
  ],
  [
    'more ETH decimals than BonusPay takes',
    'amount.amount',
    /precision for ETH is 6/,
    (r) => ({
      ...r,
      amount: { amount: '0.0000001', currency: 'ETH' },
      destination: { address: '0x10b500c94537db4d3e625c1763b7f7642d009b3a', network: 'ETH' },
    }),
  ],
  [
    'more than 12 integer digits',
    'amount.amount',
    /more than the 12/,
    (r) => ({ ...r, amount: { amount: '1234567890123', currency: 'USDT' } }),
  ],
  [
    'an unsupported currency',
    'amount.currency',
    /USDT, USDC, ETH, BTC/,
    (r) => ({ ...r, amount: { amount: '1', currency: 'EUR' } }),
  ],
  [
    'a lower-case currency',
    'amount.currency',
    /capitals/,
    (r) => ({ ...r, amount: { amount: '1', currency: 'usdt' } }),
  ],
  ['no refundId', 'refundId', /required/, (r) => ({ ...r, refundId: '' })],
  ['a number refundId', 'refundId', /must be a string/, (r) => ({ ...r, refundId: 42 })],
  [
    'a refundId over 64 characters',
    'refundId',
    /at most 64 .*refundMerchantOrderNo/,
    (r) => ({ ...r, refundId: 'R'.repeat(65) }),
  ],
  ['a refundId with spaces', 'refundId', /letters, digits/, (r) => ({ ...r, refundId: 'R 1' })],
  ['no orderId', 'orderId', /required/, (r) => ({ ...r, orderId: undefined })],
  ['an orderId over 64 characters', 'orderId', /at most 64/, (r) => ({ ...r, orderId: 'M'.repeat(65) })],
  [
    'a BonusPay order number over 32 characters',
    'orderId',
    /at most 32 .*originOrderNo/,
    (r) => ({ ...r, orderId: '1'.repeat(33), providerOptions: { orderIdField: 'originOrderNo' } }),
  ],
  ['a reason over 64 characters', 'reason', /at most 64/, (r) => ({ ...r, reason: 'x'.repeat(65) })],
  [
    'an address without a network',
    'destination.network',
    /both chainCode and refundAddress/,
    (r) => ({ ...r, destination: { address: valid.destination?.address } }),
  ],
  [
    'a network without an address',
    'destination.address',
    /both chainCode and refundAddress/,
    (r) => ({ ...r, destination: { network: 'TRON' } }),
  ],
  [
    'a chain that cannot carry the asset',
    'destination.network',
    /cannot carry USDT.*TRON, ETH, POLYGON/,
    (r) => ({ ...r, destination: { address: 'tb1qqqqqqqqqqqqqqqqqqqqq', network: 'BTC' } }),
  ],
  [
    'an unknown chain',
    'destination.network',
    /cannot carry/,
    (r) => ({ ...r, destination: { ...r.destination, network: 'SOLANA' } }),
  ],
  [
    'a lower-case chain',
    'destination.network',
    /capitals, "TRON"/,
    (r) => ({ ...r, destination: { ...r.destination, network: 'tron' } }),
  ],
  [
    'an address not shaped for the chain',
    'destination.address',
    /not a valid TRON address/,
    (r) => ({
      ...r,
      destination: { address: '0x10b500c94537db4d3e625c1763b7f7642d009b3a', network: 'TRON' },
    }),
  ],
  [
    'an address over 128 characters',
    'destination.address',
    /at most 128/,
    (r) => ({ ...r, destination: { address: 'T'.repeat(129), network: 'TRON' } }),
  ],
  [
    'a Gate-style accountId',
    'destination.accountId',
    /not supported by BonusPay/,
    (r) => ({ ...r, destination: { accountId: '12345' } }),
  ],
  [
    'a destination that is not an object',
    'destination',
    /must be an object/,
    (r) => ({ ...r, destination: 'TRON' }),
  ],
  [
    'an unknown provider option',
    'providerOptions.deviceId',
    /orderIdField, operatorName, reserved and notifyUrl/,
    (r) => ({ ...r, providerOptions: { deviceId: 'x' } }),
  ],
  [
    'an unknown orderIdField',
    'providerOptions.orderIdField',
    /invalid/,
    (r) => ({ ...r, providerOptions: { orderIdField: 'orderNo' } }),
  ],
  [
    'a notifyUrl that is not http(s)',
    'providerOptions.notifyUrl',
    /http\(s\) URL/,
    (r) => ({ ...r, providerOptions: { notifyUrl: 'ftp://merchant.example.com' } }),
  ],
  [
    'a notifyUrl over 200 characters',
    'providerOptions.notifyUrl',
    /at most 200/,
    (r) => ({ ...r, providerOptions: { notifyUrl: `https://m.example.com/${'n'.repeat(190)}` } }),
  ],
  [
    'an operatorName over 200 characters',
    'providerOptions.operatorName',
    /at most 200/,
    (r) => ({ ...r, providerOptions: { operatorName: 'o'.repeat(201) } }),
  ],
  [
    'a reserved over 200 characters',
    'providerOptions.reserved',
    /at most 200/,
    (r) => ({ ...r, providerOptions: { reserved: 'x'.repeat(201) } }),
  ],
];

describe('createBonusPay: input refused before anything is sent', () => {
  it.each(cases)('refuses %s, naming %s and the rule', async (_, field, rule, change) => {
    const error = await provider.refund(change(valid) as RefundRequest).catch((caught: unknown) => caught);
    expect(error).toMatchObject({
      code: 'invalid_request',
      outcome: 'not_sent',
      field,
      provider: 'bonuspay',
    });
    expect((error as Error).message).toMatch(rule);
    expect(requests).toHaveLength(0);
  });

  it('refuses a lookup without a refundId', async () => {
    const error = await provider.getRefund({ refundId: '' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'refundId' });
    expect(requests).toHaveLength(0);
  });

  it('lets the restriction on id characters be lifted, for accounts where BonusPay allows more', async () => {
    const lenient = createBonusPay({
      partnerId: '200000000888',
      privateKey: testKeys.privateKey,
      platformPublicKey: testKeys.publicKey,
      restrictIdCharacters: false,
      fetch,
    });
    await lenient.refund({ ...valid, refundId: 'R#1' }).catch(() => undefined);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toContain('"refundMerchantOrderNo":"R#1"');
    requests.length = 0;
  });
});
