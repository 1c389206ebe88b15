import { hmacSha256Hex } from '@refunds/core';

/**
 * Which letters of the signed message are lower-cased. CoinCorner's own documentation lower-cases the whole
 * message (C# sample); its PHP plugins lower-case only the API key. They differ only when the user id has
 * capital letters.
 */
export type UserIdCase = 'lowercase' | 'preserve';

export interface CoinCornerSignatureInput {
  apiSecret: string;
  apiKey: string;
  userId: string;
  /** The exact nonce text that is also sent in the body's `Nonce` field. */
  nonce: string;
  /** Default 'lowercase', the documented variant. */
  userIdCase?: UserIdCase;
}

/** The exact text CoinCorner signs: `nonce + userId + apiKey`, no separators. */
export function coincornerSignatureMessage(input: CoinCornerSignatureInput): string {
  const message = input.nonce + input.userId + input.apiKey.toLowerCase();
  return input.userIdCase === 'preserve' ? message : message.toLowerCase();
}

/**
 * CoinCorner's `Signature`: lowercase hex HMAC-SHA256 of the message, keyed with the lower-cased secret. The
 * business fields are not covered; the signature only proves key possession and a fresh nonce.
 */
export function signCoinCornerRequest(input: CoinCornerSignatureInput): Promise<string> {
  return hmacSha256Hex(input.apiSecret.toLowerCase(), coincornerSignatureMessage(input));
}
