import { createFakeFetch } from '@refunds/core/testing';

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
  const fake = createFakeFetch(answers);
  return { fetch: fake.fetch, sent: fake.requests as SentRequest[] };
}
