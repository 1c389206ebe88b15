import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withLazyFields } from './with-lazy-fields';

describe('withLazyFields', () => {
  it('computes a field only when it is read, and once', () => {
    let computed = 0;
    const event = withLazyFields(
      { status: 200 },
      {
        body: () => {
          computed += 1;
          return 'redacted';
        },
      },
    );
    expect(event.status).toBe(200);
    expect(computed).toBe(0);
    expect(event.body).toBe('redacted');
    expect(event.body).toBe('redacted');
    expect(computed).toBe(1);
  });

  it('shows every field to serialization and spreading, computing the ones not read yet', () => {
    const event = withLazyFields({ status: 500 }, { headers: () => ({ a: '1' }), body: () => '{}' });
    expect(Object.keys(event)).toEqual(['status', 'headers', 'body']);
    expect(JSON.parse(JSON.stringify(event))).toEqual({ status: 500, headers: { a: '1' }, body: '{}' });
    expect({ ...event }).toEqual({ status: 500, headers: { a: '1' }, body: '{}' });
  });

  it('prints its fields, not getters, in console.log and util.inspect', () => {
    const event = withLazyFields({ status: 200 }, { body: () => '{"a":1}' });
    expect(inspect(event)).toBe(inspect({ status: 200, body: '{"a":1}' }));
    expect(Object.keys(event)).toEqual(['status', 'body']);
  });

  it('shares the fields of a base: one computed through either object is computed once', () => {
    let computed = 0;
    const request = withLazyFields(
      { attempt: 1 },
      {
        body: () => {
          computed += 1;
          return 'redacted';
        },
      },
    );
    const response = withLazyFields({ status: 200 }, { responseBody: () => '{}' }, request);
    expect(response).toEqual({ attempt: 1, body: 'redacted', status: 200, responseBody: '{}' });
    expect(request.body).toBe('redacted');
    expect(computed).toBe(1);
  });
});
