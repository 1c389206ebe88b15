import { describe, expect, it } from 'vitest';
import { createFakeFetch } from './create-fake-fetch';

describe('createFakeFetch', () => {
  it('records the exact request and answers from code', async () => {
    const fake = createFakeFetch((request) => ({ status: 201, body: `{"echo":${request.body}}` }));
    const response = await fake.fetch('http://127.0.0.1:9/refund', { method: 'POST', body: '{"a":1.50}' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.text()).toBe('{"echo":{"a":1.50}}');
    expect(fake.requests).toEqual([
      expect.objectContaining({ method: 'POST', body: '{"a":1.50}', url: 'http://127.0.0.1:9/refund' }),
    ]);
  });

  it('answers a script in order and refuses a request beyond it', async () => {
    const fake = createFakeFetch([{ status: 503 }, new Response('ok', { status: 200 })]);
    expect((await fake.fetch(new Request('http://127.0.0.1:9/a'))).status).toBe(503);
    expect(await (await fake.fetch('http://127.0.0.1:9/b')).text()).toBe('ok');
    await expect(fake.fetch('http://127.0.0.1:9/c')).rejects.toThrow(/unexpected request #3/);
  });
});
