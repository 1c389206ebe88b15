import { hmacSha512Hex } from '@refunds/core';
import { gatePaySignaturePayload } from './gatepay-signature-payload';

export interface GatePaySignatureInput {
  /** The "Payment API Secret Key" of the merchant console, used as raw UTF-8 bytes. */
  secretKey: string;
  /** `X-GatePay-Timestamp`: epoch milliseconds as a decimal string. */
  timestamp: string;
  /** `X-GatePay-Nonce`. */
  nonce: string;
  /** The exact body bytes; the empty string for a GET. */
  body: string | Uint8Array;
}

/**
 * The `X-GatePay-Signature` value: lowercase hex HMAC-SHA512, 128 characters. GatePay's endpoint pages label it
 * "HMAC-SHA256", but their own example values are 128 hex characters and every official SDK uses SHA-512; the
 * published vector GP-1 only reproduces with SHA-512.
 */
export function signGatePayRequest(input: GatePaySignatureInput): Promise<string> {
  return hmacSha512Hex(input.secretKey, gatePaySignaturePayload(input.timestamp, input.nonce, input.body));
}
