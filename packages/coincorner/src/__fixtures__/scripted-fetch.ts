export interface SentRequest {
  url: string;
  body: string;
  headers: Headers;
}

/**
 * A `fetch` that answers from a script instead of the network and records what it was sent, for answers the
 * sandbox never gives (a 503, an answer about another order). Throws when called more often than scripted.
 */
export function scriptedFetch(...answers: { status: number; body?: string }[]) {
  const sent: SentRequest[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    sent.push({ url: request.url, body: await request.text(), headers: request.headers });
    const answer = answers[sent.length - 1];
    if (!answer) throw new Error(`scriptedFetch: unexpected request #${sent.length} to ${request.url}`);
    return new Response(answer.body ?? '', {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, sent };
}
