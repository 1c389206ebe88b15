import type { LoopbackRequest, LoopbackResponse } from '@refunds/core/sandbox';
import { handleCheckOrder, handleGetOrder } from './handle-check-order';
import { handleRefundOrder } from './handle-refund-order';
import { readSandboxFields } from './read-sandbox-fields';
import { negotiateReplyFormat, type ReplyFormat } from './reply-format';
import { messageAnswer } from './sandbox-answers';
import type { SandboxState } from './sandbox-state';
import { verifySandboxSignature } from './verify-sandbox-signature';

type Handler = (state: SandboxState, fields: Map<string, string>, format: ReplyFormat) => LoopbackResponse;

// ASP.NET routes are case-insensitive.
const handlers: Record<string, Handler> = {
  '/api/refundorder': handleRefundOrder,
  '/api/checkorder': handleCheckOrder,
  '/api/getorder': handleGetOrder,
};

/** Routing and authentication, in the order the real server must do them: key, signature, then nonce. */
export function handleSandboxRequest(state: SandboxState, request: LoopbackRequest): LoopbackResponse {
  const format = negotiateReplyFormat(request);
  const handler = handlers[request.path.toLowerCase()];
  if (!handler) {
    return messageAnswer(
      404,
      `No HTTP resource was found that matches the request URI '${request.url.href}'.`,
      format,
    );
  }
  if (request.method !== 'POST') {
    return messageAnswer(
      405,
      `The requested resource does not support http method '${request.method}'.`,
      format,
    );
  }
  const fields = readSandboxFields(request);
  if (!fields) {
    const mediaType = request.headers.get('content-type') ?? '';
    return messageAnswer(
      415,
      `The request entity's media type '${mediaType}' is not supported for this resource.`,
      format,
    );
  }
  const refusal = authenticate(state, fields, format);
  return refusal ?? handler(state, fields, format);
}

function authenticate(
  state: SandboxState,
  fields: Map<string, string>,
  format: ReplyFormat,
): LoopbackResponse | undefined {
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
  const refuse = (message: string) => messageAnswer(state.authenticationFailureStatus, message, format);
  if (!signatureValid) return refuse(messages.invalidSignature);
  // Only a correctly signed request may use up a nonce, so a forger cannot block the merchant.
  if (!state.nonces.accept(apiKey, nonce)) return refuse(messages.invalidNonce);
  return undefined;
}
