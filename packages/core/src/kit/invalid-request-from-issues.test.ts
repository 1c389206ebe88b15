import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { refundErrorThrownBy } from '../testing/refund-error-thrown-by';
import { invalidRequestFromIssues, parseOutgoing } from './invalid-request-from-issues';

const schema = v.strictObject({ refundId: v.pipe(v.string(), v.minLength(1, 'must not be empty')) });

describe('parseOutgoing', () => {
  it('returns the parsed value', () => {
    expect(parseOutgoing(schema, { refundId: 'r-1' }, { provider: 'example' })).toEqual({ refundId: 'r-1' });
  });

  it('refuses with invalid_request / not_sent naming the provider and the field', () => {
    const error = refundErrorThrownBy(() =>
      parseOutgoing(schema, { refundId: '' }, { provider: 'example', prefix: 'options' }),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.outcome).toBe('not_sent');
    expect(error.provider).toBe('example');
    expect(error.field).toBe('options.refundId');
    expect(error.message).toBe('options.refundId must not be empty.');
  });

  it('names the root when the issue has no path and lets the provider word the message', () => {
    const result = v.safeParse(schema, 'text');
    if (result.success) throw new Error('expected issues');
    const error = invalidRequestFromIssues(result.issues, {
      provider: 'example',
      root: 'options',
      describe: (field, issue) => `Example ${field}: ${issue.type}`,
    });
    expect(error.field).toBe('options');
    expect(error.message).toBe('Example options: strict_object');
  });
});
