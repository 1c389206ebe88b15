import { timingSafeEqual } from '@refunds/core';
import { type GatePaySignatureInput, signGatePayRequest } from './sign-gatepay-request';

const signatureShape = /^[0-9a-fA-F]{128}$/;

/**
 * Whether `signature` is GatePay's signature of exactly these bytes, compared in constant time. Letter case
 * carries no information in hex and no source says GatePay never sends upper case, so both are accepted.
 */
export async function verifyGatePaySignature(
  input: GatePaySignatureInput & { signature: string },
): Promise<boolean> {
  // Anything but 128 hex characters cannot be an HMAC-SHA512 signature.
  if (!signatureShape.test(input.signature)) return false;
  const expected = await signGatePayRequest(input);
  return timingSafeEqual(expected, input.signature.toLowerCase());
}
