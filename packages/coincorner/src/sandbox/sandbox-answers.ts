import type { LoopbackResponse } from '@refunds/core/sandbox';

/** ASP.NET Web API's error shape, the only one CoinCorner uses. */
export function messageAnswer(status: number, message: string): LoopbackResponse {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
    body: JSON.stringify({ Message: message }),
  };
}

/** A JSON answer whose text is already built (amounts are spliced in as exact number literals). */
export function jsonAnswer(text: string): LoopbackResponse {
  return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: text };
}
