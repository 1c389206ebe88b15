import { describe, expect, it } from 'vitest';
import { createRedactor, redactedText } from './create-redactor';

describe('createRedactor', () => {
  const secret = 'Sup3r-Secret-Value';
  const redactor = createRedactor(() => [secret, undefined]);

  it('replaces a secret wherever it appears in text, in any case and URL-encoded', () => {
    expect(redactor.text(`key=${secret}&x=1`)).toBe(`key=${redactedText}&x=1`);
    expect(redactor.text(secret.toLowerCase())).toBe(redactedText);
    expect(redactor.text(encodeURIComponent(`${secret}/`))).toContain(redactedText);
  });

  it('deep-copies values, masking secret values and credential-named fields', () => {
    const input = { nested: [{ note: `has ${secret}` }], Signature: 'abc', APIKey: 'public', amount: '1.50' };
    const output = redactor.value(input) as Record<string, unknown>;
    expect(JSON.stringify(output)).not.toContain(secret);
    expect(output.Signature).toBe(redactedText);
    expect(output.APIKey).toBe(redactedText);
    expect(output.amount).toBe('1.50');
    expect(input.Signature).toBe('abc');
  });

  it('shows only allowlisted headers', () => {
    const headers = redactor.headers(
      new Headers({
        'content-type': 'application/json',
        authorization: 'Bearer x',
        'x-gatepay-signature': 'y',
      }),
    );
    expect(headers).toEqual({
      'content-type': 'application/json',
      authorization: redactedText,
      'x-gatepay-signature': redactedText,
    });
  });

  it('reads secrets lazily, so credentials loaded later are covered', () => {
    const secrets: string[] = [];
    const lazy = createRedactor(() => secrets);
    expect(lazy.text('late-secret-value')).toBe('late-secret-value');
    secrets.push('late-secret-value');
    expect(lazy.text('late-secret-value')).toBe(redactedText);
  });

  it('recognises any line of a PEM key', () => {
    const pem =
      '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\nBKcwggSjAgEAAoIBAQCshQ+rPVOHdBiO\n-----END PRIVATE KEY-----\n';
    const pemRedactor = createRedactor(() => [pem]);
    expect(pemRedactor.text('leaked: BKcwggSjAgEAAoIBAQCshQ+rPVOHdBiO')).not.toContain('BKcwggSjAgEAAoIB');
  });
});

describe('createRedactor: bodies and URLs', () => {
  const redactor = createRedactor(() => ['Sup3r-Secret-Value']);
  const signature = '6B5C611ADD108558E18DD5D0B3A4F508';

  it("masks a JSON body's signature members and leaves every other byte as written", () => {
    const body = `{"retCode":"SUCCESS","amount":25.00,"sign":"${signature}","nested":{"Signature" : "${signature}"}}`;
    expect(redactor.body(body)).toBe(
      `{"retCode":"SUCCESS","amount":25.00,"sign":"${redactedText}","nested":{"Signature" : "${redactedText}"}}`,
    );
  });

  it("masks a form field's signature (CoinCorner) and the signature inside JSON in a form field (IOTPay)", () => {
    const form = `OrderId=100001&Amount=10.00&Signature=${signature.toLowerCase()}&Nonce=1`;
    expect(redactor.body(form)).toBe(`OrderId=100001&Amount=10.00&Signature=${redactedText}&Nonce=1`);
    const params = `params=${encodeURIComponent(`{"mchId":"99220598","refundAmount":2500,"sign":"${signature}"}`)}`;
    const redacted = redactor.body(params);
    expect(decodeURIComponent(redacted)).toBe(
      `params={"mchId":"99220598","refundAmount":2500,"sign":"${redactedText}"}`,
    );
  });

  it('masks signature query parameters of a URL, and secrets anywhere in it', () => {
    expect(redactor.body(`https://pay.example/v1/refund?id=7&sign=${signature}&key=Sup3r-Secret-Value`)).toBe(
      `https://pay.example/v1/refund?id=7&sign=${redactedText}&key=${redactedText}`,
    );
    expect(redactor.body('https://pay.example/v1/refund')).toBe('https://pay.example/v1/refund');
  });

  it('masks camelCase and snake_case signature names, not words that merely end in "sign"', () => {
    expect(
      redactor.body(`{"paySign":"${signature}","refund_signature":"${signature}","design":"blue"}`),
    ).toBe(`{"paySign":"${redactedText}","refund_signature":"${redactedText}","design":"blue"}`);
  });

  it('leaves plain text and empty bodies alone, secrets aside', () => {
    expect(redactor.body('')).toBe('');
    expect(redactor.body('Bad Request: sign is wrong')).toBe('Bad Request: sign is wrong');
    expect(redactor.body('token Sup3r-Secret-Value')).toBe(`token ${redactedText}`);
  });
});
