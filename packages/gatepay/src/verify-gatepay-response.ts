import { type HttpResponse, RefundError } from '@refunds/core';
import { readGatePaySignatureHeaders } from './read-gatepay-signature-headers';
import { verifyGatePaySignature } from './verify-gatepay-signature';

/**
 * Checks `X-GatePay-Signature` over the exact response bytes when GatePay sends one. Whether GatePay signs API
 * responses is undocumented, so an unsigned response passes unless `required`. A signature that does not verify
 * means the answer cannot be trusted: after a write the refund may or may not have been executed.
 */
export async function verifyGatePayResponse(
  response: HttpResponse,
  context: { secretKey: string; required: boolean; writes: boolean; raw: unknown },
): Promise<void> {
  const { timestamp, nonce, signature } = readGatePaySignatureHeaders(response.headers);
  if (signature === undefined && !context.required) return;
  const problem =
    signature === undefined
      ? 'has no X-GatePay-Signature header, and requireSignedResponses is on'
      : timestamp === undefined || nonce === undefined
        ? 'is signed without X-GatePay-Timestamp or X-GatePay-Nonce'
        : (await verifyGatePaySignature({
              secretKey: context.secretKey,
              timestamp,
              nonce,
              body: response.body,
              signature,
            }))
          ? undefined
          : 'has an X-GatePay-Signature that does not match its body';
  if (problem === undefined) return;
  const outcome = context.writes ? 'unknown' : 'rejected';
  throw new RefundError({
    code: 'signature_invalid',
    outcome,
    provider: 'gatepay',
    raw: context.raw,
    message: `GatePay's response ${problem}, so it cannot be trusted${
      outcome === 'unknown'
        ? '; the refund may have been executed: check it with getRefund before sending it again.'
        : '.'
    }`,
  });
}
