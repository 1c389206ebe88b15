import { describe, expect, it } from 'vitest';
import { expectInvalidRequest } from '../testing/expect-invalid-request';
import { refundErrorThrownBy } from '../testing/refund-error-thrown-by';
import { parseMoney } from './parse-money';

const refusal = expectInvalidRequest;

describe('parseMoney', () => {
  it('returns only the amount, normalized like parseAmount, and the currency', () => {
    expect(parseMoney({ amount: '010.50', currency: 'EUR', note: 'ignored' })).toEqual({
      amount: '10.50',
      currency: 'EUR',
    });
    expect(parseMoney({ amount: '1', currency: 'USDT' })).toEqual({ amount: '1', currency: 'USDT' });
    expect(parseMoney({ amount: '1', currency: '1INCH' })).toEqual({ amount: '1', currency: '1INCH' });
  });

  it.each([
    [null, /got null/],
    ['10.50', /got the string "10\.50"/],
    [['10.50', 'EUR'], /got an array/],
    [undefined, /got nothing/],
  ])('refuses %j as not an object, naming the field', (value, message) => {
    expect(() => parseMoney(value)).toThrow(refusal('amount', /^amount must be an object such as/));
    expect(() => parseMoney(value)).toThrow(refusal('amount', message));
  });

  it('passes the amount options through and names the nested amount field', () => {
    expect(() => parseMoney({ amount: 10.5, currency: 'EUR' })).toThrow(
      refusal('amount.amount', /^amount\.amount must be a decimal string.*cannot hold money exactly/),
    );
    expect(() => parseMoney({ amount: '0', currency: 'EUR' })).toThrow(
      refusal('amount.amount', /greater than zero/),
    );
    expect(parseMoney({ amount: '0', currency: 'EUR' }, { allowZero: true })).toEqual({
      amount: '0',
      currency: 'EUR',
    });
    expect(() => parseMoney({ amount: '1.005', currency: 'EUR' }, { maxDecimals: 2 })).toThrow(
      refusal('amount.amount', /more than the 2 allowed/),
    );
    expect(() => parseMoney({ amount: '5', currency: 'EUR' }, { max: '1' })).toThrow(
      refusal('amount.amount', /at most 1/),
    );
  });

  it('uses options.field as the prefix', () => {
    expect(() => parseMoney({ amount: 'x', currency: 'EUR' }, { field: 'refund' })).toThrow(
      refusal('refund.amount', /^refund\.amount /),
    );
    expect(() => parseMoney({ amount: '1', currency: 'x' }, { field: 'refund' })).toThrow(
      refusal('refund.currency', /^refund\.currency /),
    );
    expect(() => parseMoney(null, { field: 'refund' })).toThrow(
      refusal('refund', /^refund must be an object/),
    );
  });

  it.each([
    [undefined, /must be a currency code such as "EUR", got nothing/],
    ['', /must be a currency code such as "EUR", got the string ""/],
    [978, /must be a currency code such as "EUR", got the number 978/],
    ['eur', /must be 1 to 12 capital letters or digits.*write it in capitals, "EUR"/],
    ['E-UR', /must be 1 to 12 capital letters or digits such as "EUR", got "E-UR"$/],
    [' EUR', /must be 1 to 12 capital letters or digits/],
    ['ABCDEFGHIJKLM', /must be 1 to 12 capital letters or digits/],
  ])('refuses the currency %j', (currency, message) => {
    expect(() => parseMoney({ amount: '1', currency })).toThrow(refusal('amount.currency', message));
  });

  it('accepts a 12 character currency code', () => {
    expect(parseMoney({ amount: '1', currency: 'ABCDEFGHIJKL' }).currency).toBe('ABCDEFGHIJKL');
  });

  it('refuses a currency outside the allowed list and lists the allowed ones', () => {
    const currencies = ['EUR', 'USD'] as const;
    expect(parseMoney({ amount: '1', currency: 'USD' }, { currencies })).toEqual({
      amount: '1',
      currency: 'USD',
    });
    expect(() => parseMoney({ amount: '1', currency: 'GBP' }, { currencies })).toThrow(
      refusal('amount.currency', /"GBP" is not supported here: use one of EUR, USD$/),
    );
  });
});

describe('parseMoney with a provider', () => {
  it('names the provider whose rule refused the money', () => {
    for (const value of [{ amount: '1.001', currency: 'EUR' }, { amount: '1', currency: 'eur' }, 'text']) {
      expect(
        refundErrorThrownBy(() => parseMoney(value, { maxDecimals: 2, provider: 'example' })),
      ).toMatchObject({
        code: 'invalid_request',
        outcome: 'not_sent',
        provider: 'example',
      });
    }
  });
});
