import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { withLazyFields } from './with-lazy-fields';

describe('withLazyFields', () => {
  it('computes a field only when it is read, once, and then holds it as a plain enumerable property', () => {
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
    expect(Object.getOwnPropertyDescriptor(event, 'body')).toMatchObject({
      value: 'redacted',
      enumerable: true,
    });
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
});
