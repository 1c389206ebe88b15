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

describe('validationError with long input', () => {
  const long = 'x'.repeat(10_000);

  it('cuts a long unknown field name to 64 characters and an ellipsis', () => {
    const error = messageFor({ refundId: 'r1', amount: { amount: '1.00' }, [long]: 1 });
    expect(error.message).toBe(`${'x'.repeat(64)}…: is not a known field`);
    expect(error.field).toBe(`${'x'.repeat(64)}…`);
  });

  it("cuts a long value that valibot's own message quotes back", () => {
    const parsed = v.safeParse(v.object({ state: v.picklist(['pending', 'failed']) }), { state: long });
    if (parsed.success) throw new Error('expected the input to be refused');
    const { message } = validationError(parsed.issues);
    expect(message).toContain(`"${'x'.repeat(64)}…"`);
    expect(message.length).toBeLessThan(200);
  });

  it('lists the first five problems and counts the rest', () => {
    const parsed = v.safeParse(
      v.array(v.string()),
      Array.from({ length: 1_000 }, () => 1),
    );
    if (parsed.success) throw new Error('expected the input to be refused');
    const { message } = validationError(parsed.issues);
    expect(message).toBe(
      [0, 1, 2, 3, 4]
        .map((index) => `${index}: Invalid type: Expected string but received 1`)
        .concat('and 995 more')
        .join('; '),
    );
  });
});
