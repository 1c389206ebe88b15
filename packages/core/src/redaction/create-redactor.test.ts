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
