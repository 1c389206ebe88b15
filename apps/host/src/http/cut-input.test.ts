import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutInput } from './cut-input';
import { quoteInput } from './quote-input';

describe('cutInput', () => {
  it('keeps short text whole and cuts long text to 64 characters and an ellipsis', () => {
    expect(cutInput('r-1')).toBe('r-1');
    expect(cutInput('x'.repeat(64))).toBe('x'.repeat(64));
    expect(cutInput('x'.repeat(10_000))).toBe(`${'x'.repeat(64)}…`);
  });

  it('never splits a character made of two UTF-16 units', () => {
    const text = `${'x'.repeat(63)}😀${'y'.repeat(10)}`;
    expect(cutInput(text)).toBe(`${'x'.repeat(63)}…`);
  });

  it('is, for any text, a prefix of it of at most 65 units, and the text itself when short', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
        const cut = cutInput(text);
        if (text.length <= 64) return cut === text;
        return cut.length <= 65 && cut.endsWith('…') && text.startsWith(cut.slice(0, -1));
      }),
    );
  });
});

describe('quoteInput', () => {
  it('quotes as JSON does, escaping what a terminal or a log would act on', () => {
    expect(quoteInput('a"b\n')).toBe('"a\\"b\\n"');
  });
});
