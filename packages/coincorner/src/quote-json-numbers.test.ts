import { describe, expect, it } from 'vitest';
import { quoteJsonNumbers } from './quote-json-numbers';

describe('quoteJsonNumbers', () => {
  it('keeps the exact digits of amounts a float would change', () => {
    const text = '{"InvoiceAmount":12345678901.12345678,"CryptoAmount":0.10000000,"OrderStatus":-5}';
    expect(JSON.parse(quoteJsonNumbers(text))).toEqual({
      InvoiceAmount: '12345678901.12345678',
      CryptoAmount: '0.10000000',
      OrderStatus: '-5',
    });
  });

  it('keeps long numeric ids exact', () => {
    expect(JSON.parse(quoteJsonNumbers('{"OrderId":9007199254740993}'))).toEqual({
      OrderId: '9007199254740993',
    });
  });

  it('leaves strings alone, escaped quotes and digits inside them included', () => {
    const text = '{"Message":"Order \\"55\\" has 2 refunds","List":[1,"2"],"Ok":true,"None":null}';
    expect(JSON.parse(quoteJsonNumbers(text))).toEqual({
      Message: 'Order "55" has 2 refunds',
      List: ['1', '2'],
      Ok: true,
      None: null,
    });
  });

  it('leaves invalid JSON invalid', () => {
    expect(() => JSON.parse(quoteJsonNumbers('{"truncated": '))).toThrow();
    expect(() => JSON.parse(quoteJsonNumbers('{"a": - }'))).toThrow();
  });
});
