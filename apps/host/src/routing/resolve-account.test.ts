import { describe, expect, it } from 'vitest';
import { compileOrderIdPattern } from './compile-order-id-pattern';
import { maximumOrderIdLength, resolveAccount } from './resolve-account';
import type { RouteRule } from './route-rule';

const accounts = { 'gatepay:main': {}, 'iotpay:ca': {}, 'bonuspay:main': {}, 'coincorner:main': {} };
const routes: RouteRule[] = [
  { account: 'iotpay:ca', currency: 'CAD' },
  { account: 'gatepay:main', currency: ['USDT', 'BTC'], orderIdPattern: 'GP-\\d+' },
  { account: 'coincorner:main', currency: 'BTC' },
  { account: 'bonuspay:main', orderIdPattern: 'BP-[\\w-]+' },
];
const config = { accounts, routes };

describe('resolveAccount', () => {
  it('uses the account the request names, without consulting routes', () => {
    expect(resolveAccount({ account: 'coincorner:main', orderId: 'GP-1', currency: 'USDT' }, config)).toEqual(
      {
        account: 'coincorner:main',
      },
    );
  });

  it('refuses an unknown named account and lists the known ones', () => {
    expect(resolveAccount({ account: 'gatepay:eu', orderId: 'GP-1', currency: 'USDT' }, config)).toEqual({
      problem: {
        status: 422,
        code: 'no_route',
        field: 'account',
        message:
          'unknown account "gatepay:eu"; known accounts: gatepay:main, iotpay:ca, bonuspay:main, coincorner:main',
      },
    });
  });

  it('does not mistake inherited object keys for accounts', () => {
    const resolution = resolveAccount({ account: 'constructor', orderId: 'x', currency: 'USD' }, config);
    expect(resolution).toMatchObject({ problem: { status: 422, field: 'account' } });
  });

  it('accepts the loaded accounts as a Map', () => {
    const loaded = new Map([['gatepay:main', {}]]);
    expect(
      resolveAccount(
        { account: 'gatepay:main', orderId: 'GP-1', currency: 'USDT' },
        { accounts: loaded, routes },
      ),
    ).toEqual({
      account: 'gatepay:main',
    });
    expect(
      resolveAccount(
        { account: 'iotpay:ca', orderId: 'GP-1', currency: 'USDT' },
        { accounts: loaded, routes },
      ),
    ).toEqual({
      problem: {
        status: 422,
        code: 'no_route',
        field: 'account',
        message: 'unknown account "iotpay:ca"; known accounts: gatepay:main',
      },
    });
  });

  it('takes the first route whose currency and pattern both match', () => {
    const route = (orderId: string, currency: string) => resolveAccount({ orderId, currency }, config);
    expect(route('IOT-7', 'CAD')).toEqual({ account: 'iotpay:ca' });
    expect(route('GP-42', 'BTC')).toEqual({ account: 'gatepay:main' });
    expect(route('CC-9', 'BTC')).toEqual({ account: 'coincorner:main' });
    expect(route('BP-a_b-1', 'USD')).toEqual({ account: 'bonuspay:main' });
  });

  it('anchors the pattern so a partial match does not route', () => {
    expect(resolveAccount({ orderId: 'XGP-42', currency: 'USDT' }, config)).toMatchObject({
      problem: { status: 422 },
    });
    expect(resolveAccount({ orderId: 'GP-42-refund', currency: 'USDT' }, config)).toMatchObject({
      problem: { status: 422 },
    });
  });

  it('matches currencies case-sensitively', () => {
    expect(resolveAccount({ orderId: 'IOT-7', currency: 'cad' }, config)).toMatchObject({
      problem: { status: 422 },
    });
  });

  it('answers 422 when no route matches, never falling back to another account', () => {
    expect(resolveAccount({ orderId: 'GP-42', currency: 'EUR' }, config)).toEqual({
      problem: {
        status: 422,
        code: 'no_route',
        field: 'account',
        message:
          'no route matches currency "EUR" and order "GP-42"; name the account explicitly or add a route',
      },
    });
    expect(resolveAccount({ orderId: 'any', currency: 'USD' }, { accounts, routes: [] })).toMatchObject({
      problem: { status: 422 },
    });
  });

  it('stops at a matching route whose account is not configured instead of trying later routes', () => {
    const broken = {
      accounts,
      routes: [{ account: 'gatepay:eu', currency: 'EUR' }, { account: 'gatepay:main' }],
    };
    expect(resolveAccount({ orderId: 'GP-1', currency: 'EUR' }, broken)).toEqual({
      problem: {
        status: 422,
        code: 'no_route',
        message: 'route 1 sends this refund to account "gatepay:eu", which is not configured',
      },
    });
  });
});

describe('resolveAccount with a hostile order id', () => {
  it('refuses an order id over 256 characters before any pattern runs, naming the field and the limit', () => {
    let patternsRun = 0;
    const watched = new Proxy(routes[1] as RouteRule, {
      get: (target, key) => {
        if (key === 'orderIdPattern') patternsRun += 1;
        return Reflect.get(target, key);
      },
    });
    const orderId = 'a'.repeat(257);
    const expected = {
      problem: {
        status: 422,
        code: 'invalid_request',
        field: 'orderId',
        message: "must be at most 256 characters (it has 257); no provider's order ids are longer",
      },
    };
    expect(resolveAccount({ orderId, currency: 'USDT' }, { accounts, routes: [watched] })).toEqual(expected);
    expect(resolveAccount({ account: 'gatepay:main', orderId, currency: 'USDT' }, config)).toEqual(expected);
    expect(patternsRun).toBe(0);
    expect(maximumOrderIdLength).toBe(256);
  });

  it('still routes an order id of exactly 256 characters', () => {
    const orderId = `BP-${'a'.repeat(253)}`;
    expect(resolveAccount({ orderId, currency: 'USD' }, config)).toEqual({ account: 'bonuspay:main' });
  });
});

describe('compileOrderIdPattern', () => {
  it('compiles each pattern once and keeps no state between tests', () => {
    const pattern = compileOrderIdPattern('GP-\\d+');
    expect(compileOrderIdPattern('GP-\\d+')).toBe(pattern);
    expect(pattern.test('GP-1')).toBe(true);
    expect(pattern.test('GP-1')).toBe(true);
  });

  it('anchors alternatives as a whole', () => {
    const pattern = compileOrderIdPattern('A|B');
    expect(pattern.test('A')).toBe(true);
    expect(pattern.test('AB')).toBe(false);
    expect(pattern.test('xB')).toBe(false);
  });
});
