/** A request the fake received, read once so tests can inspect the exact bytes. */
export interface FakeFetchRequest {
  url: string;
  method: string;
  headers: Headers;
  body: string;
}

/** What the fake answers: a ready `Response`, or its parts (JSON content type by default). */
export type FakeFetchAnswer = Response | { status?: number; body?: string; headers?: Record<string, string> };

export interface FakeFetch {
  fetch: typeof globalThis.fetch;
  /** Every request received, in order. */
  readonly requests: FakeFetchRequest[];
}

/**
 * A `fetch` that answers from code instead of the network and records what it was sent, for answers no sandbox
 * gives (a 503, an answer about another refund, an unsigned body). Given a list, it answers each request with
 * the next entry and throws when called more often than scripted.
 */
export function createFakeFetch(
  answer:
    | ((request: FakeFetchRequest) => FakeFetchAnswer | Promise<FakeFetchAnswer>)
    | readonly FakeFetchAnswer[],
): FakeFetch {
  const requests: FakeFetchRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    // ky hands fetch a Request; other callers a URL and init.
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const received = {
      url: request.url,
      method: request.method,
      headers: request.headers,
      body: await request.text(),
    };
    requests.push(received);
    const answered = typeof answer === 'function' ? await answer(received) : answer[requests.length - 1];
    if (answered === undefined) {
      throw new Error(`createFakeFetch: unexpected request #${requests.length} to ${request.url}`);
    }
    if (answered instanceof Response) return answered;
    return new Response(answered.body ?? '', {
      status: answered.status ?? 200,
      headers: { 'content-type': 'application/json', ...answered.headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}
