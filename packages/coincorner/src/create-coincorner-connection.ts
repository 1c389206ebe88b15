import {
  createHttpTransport,
  createRedactor,
  type HttpResponse,
  type Redactor,
  RefundError,
  timingSafeEqual,
} from '@refunds/core';
import { type CoinCornerClientSettings, coincornerProductionUrl } from './coincorner-settings';
import { inNonceOrder } from './in-nonce-order';
import { coincornerSecretValues, loadCoinCornerCredentials } from './load-coincorner-credentials';
import { signCoinCornerRequest } from './sign-coincorner-request';

export type CoinCornerAction = 'RefundOrder' | 'CheckOrder' | 'GetOrder';

/** What every CoinCorner operation stands on; internal, the credentials stay inside its closures. */
export interface CoinCornerConnection {
  /** Signs and posts one action as a form; resolves with whatever status came back. */
  post(
    action: CoinCornerAction,
    fields: Record<string, string>,
    options: { writes: boolean; signal?: AbortSignal | undefined },
  ): Promise<HttpResponse>;
  /** Whether a webhook's `APIKey` is this account's key, compared in constant time. */
  isOwnApiKey(candidate: string): boolean;
  readonly redactor: Redactor;
}

export function createCoinCornerConnection(settings: CoinCornerClientSettings): CoinCornerConnection {
  const redactor = createRedactor(() => coincornerSecretValues(settings));
  const transport = createHttpTransport({
    provider: 'coincorner',
    baseUrl: settings.baseUrl ?? coincornerProductionUrl,
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    hooks: settings.hooks,
    redactor,
  });

  return {
    redactor,
    isOwnApiKey(candidate) {
      return timingSafeEqual(
        candidate.toLowerCase(),
        loadCoinCornerCredentials(settings).apiKey.toLowerCase(),
      );
    },
    post(action, fields, { writes, signal }) {
      const credentials = loadCoinCornerCredentials(settings);
      const apiKey = credentials.apiKey.toLowerCase();
      return inNonceOrder(apiKey, (nextNonce) => {
        // Waiting in the queue is not sending: a caller who gave up meanwhile gets a safe `not_sent`.
        if (signal?.aborted) throw abortedBeforeSending(action);
        return transport.send({
          method: 'POST',
          path: `/api/${action}`,
          // Reads may be repeated; a RefundOrder never is, because CoinCorner has no refund id to de-duplicate.
          idempotent: !writes,
          signal,
          async prepare() {
            // One nonce per attempt, used in both the signature and the body.
            const nonce = nextNonce();
            const signature = await signCoinCornerRequest({
              ...credentials,
              nonce,
              userIdCase: settings.userIdCase,
            });
            const body = new URLSearchParams({
              ...fields,
              APIKey: apiKey,
              Signature: signature,
              Nonce: nonce,
            });
            return {
              body: body.toString(),
              headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
            };
          },
        });
      });
    },
  };
}

function abortedBeforeSending(action: CoinCornerAction): RefundError {
  return new RefundError({
    code: 'network',
    outcome: 'not_sent',
    provider: 'coincorner',
    retryable: false,
    message: `The CoinCorner ${action} call was aborted by the caller before it was sent; nothing was executed.`,
  });
}
