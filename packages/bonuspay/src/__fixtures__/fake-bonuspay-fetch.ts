import { sign } from 'node:crypto';
import { createFakeFetch } from '@refunds/core/testing';

export interface CapturedRequest {
  url: string;
  headers: Headers;
  body: string;
}

export interface FakeAnswer {
  status?: number;
  body: string;
  /** 'valid' signs the body with the platform key; 'none' sends no header; any other string is sent as is. */
  sign?: 'valid' | 'none' | string;
}

/**
 * A `fetch` double that answers like BonusPay, signing with node:crypto directly (never this package's code),
 * and records the exact requests it received.
 */
export function fakeBonusPayFetch(
  platformPrivateKey: string,
  answer: (request: CapturedRequest) => FakeAnswer,
) {
  const requests: CapturedRequest[] = [];
  const fake = createFakeFetch((received) => {
    const captured = { url: received.url, headers: received.headers, body: received.body };
    requests.push(captured);
    const { status = 200, body, sign: signMode = 'valid' } = answer(captured);
    const headers: Record<string, string> = {};
    if (signMode === 'valid') headers.sign = signPlatform(body, platformPrivateKey);
    else if (signMode !== 'none') headers.sign = signMode;
    return { status, body, headers };
  });
  return { fetch: fake.fetch, requests };
}

export function signPlatform(body: string, privateKey: string): string {
  return sign('sha256', Buffer.from(body, 'utf8'), privateKey).toString('base64');
}

/** BonusPay's envelope as text, with the given head and optional body text spliced in verbatim. */
export function envelope(
  head: { applyStatus: string; code: string; msg: string },
  bodyText?: string,
): string {
  return `{"head":${JSON.stringify(head)}${bodyText === undefined ? '' : `,"body":${bodyText}`}}`;
}
