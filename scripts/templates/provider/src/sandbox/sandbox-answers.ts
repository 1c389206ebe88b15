import { hmacSha256Hex } from '@refunds/core';
import type { LoopbackResponse } from '@refunds/core/sandbox';

/**
 * A signed answer, as __Name__ sends it. The signing rule is written out here again rather than imported from
 * the client, so that a mistake in the client's signing is caught by the sandbox instead of mirrored.
 */
export async function signedAnswer(
  secretKey: string,
  status: number,
  body: unknown,
): Promise<LoopbackResponse> {
  const text = JSON.stringify(body);
  const timestamp = String(Date.now());
  return {
    status,
    headers: {
      'x-timestamp': timestamp,
      'x-signature': await hmacSha256Hex(secretKey, `${timestamp}\n${text}`),
    },
    body: text,
  };
}

/** A refusal in __Name__'s error envelope, signed like every answer. */
export function refusal(secretKey: string, status: number, code: string, message: string) {
  return signedAnswer(secretKey, status, { code, message });
}

/** How the loopback harness strips or corrupts this provider's response signature, for the signature faults. */
export const sandboxSignatureFaults = {
  strip: (response: LoopbackResponse): LoopbackResponse => {
    const { 'x-signature': _removed, ...headers } = response.headers ?? {};
    return { ...response, headers };
  },
  tamper: (response: LoopbackResponse): LoopbackResponse => {
    const signature = response.headers?.['x-signature'] ?? '';
    const flipped = `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`;
    return { ...response, headers: { ...response.headers, 'x-signature': flipped } };
  },
};
