import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { parseJsonResponse } from './parse-json-response';

const schema = v.looseObject({ status: v.string() });

describe('parseJsonResponse', () => {
  it('returns the validated value and tolerates unknown fields', () => {
    expect(
      parseJsonResponse('{"status":"SUCCESS","extra":1}', schema, { provider: 'p', outcome: 'unknown' }),
    ).toEqual({
      status: 'SUCCESS',
      extra: 1,
    });
  });

  it('says a body that is not JSON leaves the refund unknown', () => {
    expect(() => parseJsonResponse('<html>', schema, { provider: 'p', outcome: 'unknown' })).toThrow(
      /not JSON .*may have been executed/,
    );
  });

  it('names the fields that did not match', () => {
    expect(() => parseJsonResponse('{"status":1}', schema, { provider: 'p', outcome: 'rejected' })).toThrow(
      /status: Invalid type/,
    );
  });
});
