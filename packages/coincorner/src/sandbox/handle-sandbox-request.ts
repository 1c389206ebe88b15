import type { LoopbackRequest, LoopbackResponse } from '@refunds/core/sandbox';
import { handleCheckOrder, handleGetOrder } from './handle-check-order';
import { handleRefundOrder } from './handle-refund-order';
import { readSandboxFields } from './read-sandbox-fields';
import { messageAnswer } from './sandbox-answers';
import type { SandboxState } from './sandbox-state';
import { verifySandboxSignature } from './verify-sandbox-signature';

// ASP.NET routes are case-insensitive.
const handlers: Record<string, (state: SandboxState, fields: Map<string, string>) => LoopbackResponse> = {
  '/api/refundorder': handleRefundOrder,
  '/api/checkorder': handleCheckOrder,
  '/api/getorder': handleGetOrder,
};

/** Routing and authentication, in the order the real server must do them: key, signature, then nonce. */
export function handleSandboxRequest(state: SandboxState, request: LoopbackRequest): LoopbackResponse {
  const handler = handlers[request.path.toLowerCase()];
  if (!handler) {
    return messageAnswer(
      404,
      `No HTTP resource was found that matches the request URI '${request.url.href}'.`,
    );
  }
  if (request.method !== 'POST') {
    return messageAnswer(405, `The requested resource does not support http method '${request.method}'.`);
  }
  const fields = readSandboxFields(request);
  if (!fields) {
    const mediaType = request.headers.get('content-type') ?? '';
    return messageAnswer(
      415,
      `The request entity's media type '${mediaType}' is not supported for this resource.`,
    );
  }
  const refusal = authenticate(state, fields);
  return refusal ?? handler(state, fields);
}

function authenticate(state: SandboxState, fields: Map<string, string>): LoopbackResponse | undefined {
  const { credentials, messages } = state;
  const apiKey = (fields.get('apikey') ?? '').toLowerCase();
  const nonce = fields.get('nonce') ?? '';
  const signatureValid =
    apiKey === credentials.apiKey.toLowerCase() &&
    verifySandboxSignature({
      apiSecret: credentials.apiSecret,
      userId: credentials.userId,
      apiKey,
      nonce,
      signature: fields.get('signature') ?? '',
      acceptPreservedUserIdCase: state.acceptPreservedUserIdCase,
    });
  if (!signatureValid) return messageAnswer(state.authenticationFailureStatus, messages.invalidSignature);
  // Only a correctly signed request may use up a nonce, so a forger cannot block the merchant.
  if (!state.nonces.accept(apiKey, nonce))
    return messageAnswer(state.authenticationFailureStatus, messages.invalidNonce);
  return undefined;
}
