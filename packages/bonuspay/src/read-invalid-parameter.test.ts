import { describe, expect, it } from 'vitest';
import { readInvalidParameter } from './read-invalid-parameter';

const head = (code: string, msg: string | null) => ({ applyStatus: 'FAIL', code, msg });

describe('readInvalidParameter', () => {
  it.each([
    ['INVALID_PARAMETER', {}],
    [
      'INVALID_PARAMETER: chainCode: is required for a chain payment',
      { field: 'chainCode', rule: 'is required for a chain payment' },
    ],
    [
      'INVALID_PARAMETER: amount.amount: must be a JSON number',
      { field: 'amount.amount', rule: 'must be a JSON number' },
    ],
    [
      'INVALID_PARAMETER: Partner-Id: the header is required',
      { field: 'Partner-Id', rule: 'the header is required' },
    ],
    ['INVALID_PARAMETER: the body is not JSON', { rule: 'the body is not JSON' }],
  ])('reads %j', (msg, expected) => {
    expect(readInvalidParameter(head('400', msg))).toEqual(expected);
  });

  it('reads nothing from other answers', () => {
    expect(readInvalidParameter(head('400', 'REQUESTTIME_TOO_EARLY'))).toBeUndefined();
    expect(readInvalidParameter(head('77005', 'INVALID_PARAMETER: amount: x'))).toBeUndefined();
    expect(readInvalidParameter(head('400', null))).toBeUndefined();
  });
});
