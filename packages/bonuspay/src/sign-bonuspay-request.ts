import { RefundError, rsaSha256Sign } from '@refunds/core';

/**
 * BonusPay's request signature: base64 SHA256withRSA (RSASSA-PKCS1-v1_5) over the exact UTF-8 bytes of the
 * HTTP body, sent in the `sign` header. The caller must send these same bytes: any re-serialization breaks it.
 */
export async function signBonusPayRequest(body: string | Uint8Array, privateKey: string): Promise<string> {
  try {
    return await rsaSha256Sign(privateKey, body);
  } catch (error) {
    throw new RefundError({
      code: 'invalid_request',
      outcome: 'not_sent',
      provider: 'bonuspay',
      field: 'privateKey',
      message: `bonuspay setting \`privateKey\` cannot sign: ${describeKeyError(error)} Nothing was sent.`,
      cause: error,
    });
  }
}

// Core's key errors name the accepted formats and never quote the key, so their message is safe to pass on.
export function describeKeyError(error: unknown): string {
  return error instanceof Error ? error.message : 'the key could not be read.';
}
