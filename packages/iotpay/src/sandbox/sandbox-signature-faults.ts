import type { LoopbackResponse } from '@refunds/core/sandbox';

function rewriteSign(
  response: LoopbackResponse,
  change: (sign: unknown) => string | undefined,
): LoopbackResponse {
  const text = typeof response.body === 'string' ? response.body : new TextDecoder().decode(response.body);
  const body = JSON.parse(text) as Record<string, unknown>;
  const sign = change(body.sign);
  if (sign === undefined) delete body.sign;
  else body.sign = sign;
  return { ...response, body: JSON.stringify(body) };
}

/** The harness's signature faults for IOTPay: the `sign` field removed, or one character of it changed. */
export const sandboxSignatureFaults = {
  strip: (response: LoopbackResponse) => rewriteSign(response, () => undefined),
  tamper: (response: LoopbackResponse) =>
    rewriteSign(response, (sign) => {
      const text = typeof sign === 'string' && sign !== '' ? sign : '0'.repeat(32);
      return (text.startsWith('A') ? 'B' : 'A') + text.slice(1);
    }),
};
