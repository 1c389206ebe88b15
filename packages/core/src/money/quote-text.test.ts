import { describe, expect, it } from 'vitest';
import { quoteText } from './quote-text';

describe('quoteText', () => {
  it('quotes and escapes like JSON', () => {
    expect(quoteText('10.50')).toBe('"10.50"');
    expect(quoteText('a"b\n')).toBe('"a\\"b\\n"');
  });

  it('cuts long text to 40 characters', () => {
    expect(quoteText('9'.repeat(40))).toBe(`"${'9'.repeat(40)}"`);
    expect(quoteText('9'.repeat(41))).toBe(`"${'9'.repeat(40)}…"`);
  });
});
