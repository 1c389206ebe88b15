import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError } from './find-json-syntax-error';

describe('findJsonSyntaxError', () => {
  it('finds nothing in valid JSON', () => {
    const valid = '{ "a": [1, -2.5e3, true, false, null, "x\\n\\u00e9"], "b": {} }';
    expect(() => JSON.parse(valid)).not.toThrow();
    expect(findJsonSyntaxError(valid)).toBeUndefined();
  });

  it.each([
    ['{"a": 1,}', 1, 8, "trailing comma before '}' is not allowed in JSON"],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, "expected ',' or '}' but found \"\\\"\""],
    ["{'a': 1}", 1, 2, 'keys need double quotes in JSON'],
    ['// note\n{}', 1, 1, 'comments are not allowed in JSON (use refunds.config.ts to keep comments)'],
    ['{"a": "sk_live_secret', 1, 22, 'unterminated string'],
    ['{"a": x}', 1, 7, 'expected a value but found "x"'],
    ['{} {}', 1, 4, 'unexpected "{" after the end of the JSON value'],
    ['', 1, 1, 'expected a value but found the end of the file'],
    ['[1, 2', 1, 6, "expected ',' or ']' but found the end of the file"],
  ])('locates the error in %j', (text, line, column, message) => {
    expect(() => JSON.parse(text)).toThrow();
    expect(findJsonSyntaxError(text)).toEqual({ line, column, message });
  });
});
