import type { LoopbackResponse } from '@refunds/core/sandbox';

const withoutSign = (headers: Record<string, string> = {}): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'sign'));

/**
 * How a BonusPay answer loses or breaks its signature, for the harness faults. A tampered signature stays
 * well-formed base64 (one bit flipped), so the client must actually verify it to notice.
 */
export const sandboxSignatureFaults = {
  strip: (response: LoopbackResponse): LoopbackResponse => ({
    ...response,
    headers: withoutSign(response.headers),
  }),
  tamper(response: LoopbackResponse): LoopbackResponse {
    const signature = Object.entries(response.headers ?? {}).find(
      ([name]) => name.toLowerCase() === 'sign',
    )?.[1];
    const bytes = Buffer.from(signature ?? 'c2FuZGJveCBmb3JnZXJ5', 'base64');
    bytes[0] = (bytes[0] ?? 0) ^ 0x01;
    return { ...response, headers: { ...withoutSign(response.headers), sign: bytes.toString('base64') } };
  },
};
