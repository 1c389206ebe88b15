import { RefundError, rsaSha256Verify } from '@refunds/core';
import { describeKeyError } from '../sign-bonuspay-request';

/**
 * Loads the platform public key before a request is sent. Finding it unusable only after a refund was
 * executed would leave that refund unknown, so a bad key must stop the call while nothing has moved.
 */
export async function checkPlatformPublicKey(platformPublicKey: string): Promise<void> {
  try {
    // The key is parsed (and cached) before the dummy signature is even looked at.
    await rsaSha256Verify(platformPublicKey, '', 'AAAA');
  } catch (error) {
    throw new RefundError({
      code: 'invalid_request',
      outcome: 'not_sent',
      provider: 'bonuspay',
      field: 'platformPublicKey',
      message: `bonuspay setting \`platformPublicKey\` cannot verify BonusPay's answers: ${describeKeyError(error)} Download the platform public key from the BonusPay portal. Nothing was sent or accepted.`,
      cause: error,
    });
  }
}
