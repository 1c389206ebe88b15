/**
 * The `fetch` that ky calls, sending `body` itself. Given the body, ky would wrap it in a stream, tee that stream
 * for retries the transport never lets ky make, and undici would then write the stream out chunk by chunk. The
 * transport already holds the exact bytes, so ky builds a request without them and this hands them to `fetch`
 * directly: one write with a known length, the same bytes on the wire.
 */
export function fetchWithBody(
  fetch: typeof globalThis.fetch,
  body: string | Uint8Array | undefined,
): (input: RequestInfo | URL, init?: RequestInit) => Promise<Response> {
  return (input, init) => {
    if (!(input instanceof Request)) return fetch(input, { ...init, body: body as BodyInit | undefined });
    return fetch(input.url, {
      ...init,
      method: input.method,
      headers: input.headers,
      body: body as BodyInit | undefined,
      signal: input.signal,
    });
  };
}
