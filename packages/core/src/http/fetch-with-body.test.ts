import { describe, expect, it } from 'vitest';
import { fetchWithBody } from './fetch-with-body';

function recordingFetch() {
  const calls: { input: RequestInfo | URL; init: RequestInit | undefined }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ input, init });
    return new Response('ok');
  };
  return { fetch: fetch as typeof globalThis.fetch, calls };
}

describe('fetchWithBody', () => {
  it("sends the held bytes with the method, headers and signal of ky's body-less request", async () => {
    const { fetch, calls } = recordingFetch();
    const controller = new AbortController();
    const body = new TextEncoder().encode('{"refundId":"r-1"}');
    const request = new Request('http://127.0.0.1:1/refund', {
      method: 'POST',
      headers: { 'x-signature': 'abc' },
      signal: controller.signal,
    });
    await fetchWithBody(fetch, body)(request, { dispatcher: 'kept' } as RequestInit);
    const init = calls[0]?.init;
    expect(calls[0]?.input).toBe('http://127.0.0.1:1/refund');
    expect(init?.method).toBe('POST');
    expect(new Headers(init?.headers).get('x-signature')).toBe('abc');
    expect(init?.body).toBe(body);
    expect((init as { dispatcher?: string }).dispatcher).toBe('kept');
    controller.abort();
    expect(init?.signal?.aborted).toBe(true);
  });

  it('adds the body to a plain URL and init', async () => {
    const { fetch, calls } = recordingFetch();
    await fetchWithBody(fetch, 'text')('http://127.0.0.1:1/a', { method: 'PUT' });
    expect(calls[0]).toEqual({ input: 'http://127.0.0.1:1/a', init: { method: 'PUT', body: 'text' } });
  });
});
