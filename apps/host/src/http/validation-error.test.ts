import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { validationError } from './validation-error';

const schema = v.strictObject({ refundId: v.string(), amount: v.strictObject({ amount: v.string() }) });

const messageFor = (input: unknown) => {
  const parsed = v.safeParse(schema, input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return validationError(parsed.issues);
};

describe('validationError', () => {
  it('says a missing field is required, naming it', () => {
    const error = messageFor({});
    expect(error.status).toBe(422);
    expect(error.message).toContain('refundId: is required');
    expect(error.message).not.toContain('is not a known field');
    expect(error.field).toBe('refundId');
  });

  it('says an unknown field is not known, naming it', () => {
    const error = messageFor({ refundId: 'r1', amount: { amount: '1.00' }, refundID: 'typo' });
    expect(error.message).toBe('refundID: is not a known field');
  });

  it('names nested fields by their path', () => {
    expect(messageFor({ refundId: 'r1', amount: {} }).message).toBe('amount.amount: is required');
  });
});
