import type { HttpResponse } from '@refunds/core';

/** How often a request refused for its nonce is sent again with a fresh one before the refusal is reported. */
export const nonceRetries = 3;

/**
 * Whether CoinCorner refused the request for its nonce. Its error texts are undocumented; a refusal of the
 * nonce is recognised as an authentication-type status (400 or 401) whose `Message` names the nonce. CoinCorner
 * checks the nonce before it reads the business fields, so such a request executed nothing.
 */
export function isNonceRefusal(response: Pick<HttpResponse, 'status' | 'text'>): boolean {
  if (response.status !== 400 && response.status !== 401) return false;
  const message = messageOf(response.text);
  return message !== undefined && /\bnonce\b/i.test(message);
}

function messageOf(text: string): string | undefined {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body !== 'object' || body === null) return undefined;
    const message = (body as { Message?: unknown }).Message;
    return typeof message === 'string' ? message : undefined;
  } catch {
    return undefined;
  }
}
