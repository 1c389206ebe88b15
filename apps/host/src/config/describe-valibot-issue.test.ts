import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { describeValibotIssue } from './describe-valibot-issue';

function firstIssue(schema: v.GenericSchema, input: unknown): v.BaseIssue<unknown> {
  const result = v.safeParse(schema, input);
  if (result.success) throw new Error('expected an issue');
  return result.issues[0];
}

describe('describeValibotIssue', () => {
  it('keeps a message that does not quote the input', () => {
    expect(describeValibotIssue(firstIssue(v.pipe(v.string(), v.minLength(3)), 'ab'))).toBe(
      'Invalid length: Expected >=3 but received 2',
    );
  });

  it('describes only the rule when the message would quote a string', () => {
    expect(describeValibotIssue(firstIssue(v.pipe(v.string(), v.url()), 'sk_live_123'))).toBe(
      'invalid url (the value is not shown)',
    );
    expect(describeValibotIssue(firstIssue(v.number(), 'sk_live_123'))).toBe(
      'invalid type: expected number (the value is not shown)',
    );
  });

  it('describes only the rule for a secret, whatever the message', () => {
    expect(
      describeValibotIssue(firstIssue(v.pipe(v.string(), v.minLength(16)), 'short'), { secret: true }),
    ).toBe('invalid min length: expected >=16 (the value is not shown)');
  });
});
