import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shellWords } from './__fixtures__/shell-words';
import { type RefundRequestBody, refundCommand, refundRequestBody } from './refund-command';
import { refundCommandLine } from './refund-command-line';
import { parseCommandArguments } from './run-cli';

/** What `refunds refund` sends for the line, read by a real shell and the command's own parser. */
const sentBy = (line: string): RefundRequestBody => {
  const [program, command, ...args] = shellWords(line);
  expect([program, command]).toEqual(['refunds', 'refund']);
  return refundRequestBody(parseCommandArguments(refundCommand, args).values);
};

// Printable text with the characters a shell treats specially (quotes, $, `, \, spaces, ;, #, ~, *) and
// values that start with `-`, which an option parser would otherwise take for an option.
const text = fc.oneof(
  fc.string({ minLength: 1, maxLength: 24 }),
  fc.string({ maxLength: 8 }).map((value) => `-${value}`),
);
const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const body: fc.Arbitrary<RefundRequestBody> = fc
  .record({
    refundId: text,
    orderId: text,
    amount: fc.record({ amount: fc.stringMatching(/^\d{1,6}(\.\d{1,8})?$/), currency: text }),
    account: optional(text),
    reason: optional(text),
    destination: optional(
      fc.record(
        { address: text, network: text, accountId: fc.stringMatching(/^\d{1,20}$/) },
        { requiredKeys: [] },
      ),
    ),
    providerOptions: optional(
      fc.dictionary(
        text.filter((key) => !key.includes('=')),
        fc.oneof(text, fc.stringMatching(/^\d{1,20}$/), fc.integer(), fc.boolean(), fc.constant(null)),
        { minKeys: 1, maxKeys: 3 },
      ),
    ),
  })
  .map((generated) => {
    const result: RefundRequestBody = { ...generated };
    for (const key of Object.keys(result) as (keyof RefundRequestBody)[]) {
      if (result[key] === undefined) delete result[key];
    }
    if (result.destination && Object.keys(result.destination).length === 0) delete result.destination;
    return result;
  });

describe('refundCommandLine', () => {
  it('prints a line that, pasted into a shell, sends exactly the body: amount, destination and options', () => {
    fc.assert(
      fc.property(body, (generated) => {
        const line = refundCommandLine('refunds', generated);
        expect(line).toBeDefined();
        expect(sentBy(line as string)).toEqual(generated);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps a provider option that reads as JSON a string, and writes other values as JSON', () => {
    const line = refundCommandLine('refunds', {
      refundId: 'r-1',
      orderId: 'o-1',
      amount: { amount: '10.00', currency: 'EUR' },
      providerOptions: { payerId: '100045201416523391', flag: 'true', limit: 3, endpoint: 'convert' },
    });
    expect(line).toBe(
      'refunds refund --refund-id r-1 --order-id o-1 --amount 10.00 --currency EUR ' +
        `--provider-option 'payerId="100045201416523391"' --provider-option 'flag="true"' ` +
        '--provider-option limit=3 --provider-option endpoint=convert',
    );
    expect(sentBy(line as string).providerOptions).toEqual({
      payerId: '100045201416523391',
      flag: 'true',
      limit: 3,
      endpoint: 'convert',
    });
  });

  it('gives up, rather than print a line that sends something else, when the options cannot say the body', () => {
    const base = { refundId: 'r-1', orderId: 'o-1', amount: { amount: '1', currency: 'EUR' } };
    expect(refundCommandLine('refunds', { ...base, destination: { memo: '7' } as never })).toBeUndefined();
    expect(refundCommandLine('refunds', { ...base, providerOptions: { 'a=b': 1 } })).toBeUndefined();
    expect(refundCommandLine('refunds', { ...base, reason: '' })).toBeUndefined();
    expect(refundCommandLine('refunds', { ...base, metadata: {} } as never)).toBeUndefined();
  });
});
