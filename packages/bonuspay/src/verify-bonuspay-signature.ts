import { rsaSha256Verify } from '@refunds/core';

/**
 * Whether `signature` (base64, from the `sign` or `Sign` header) is BonusPay's SHA256withRSA signature of the
 * exact bytes received. Verify before parsing: BonusPay writes BigDecimals such as `1.50000000` and orders keys
 * as it likes, so parsed-and-reserialized JSON is not what was signed. A missing, empty, malformed or wrong
 * signature is false; only an unusable public key throws.
 */
export async function verifyBonusPaySignature(
  body: string | Uint8Array,
  signature: string | null | undefined,
  platformPublicKey: string,
): Promise<boolean> {
  if (typeof signature !== 'string') return false;
  const trimmed = signature.trim();
  if (trimmed === '') return false;
  return rsaSha256Verify(platformPublicKey, body, trimmed);
}
