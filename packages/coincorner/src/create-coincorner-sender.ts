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
import { inProcessNonceSource } from './next-coincorner-nonce';
import { isNonceRefusal, nonceRetries } from './nonce-refusal';
import { coincornerSecretValues, readCoinCornerSettings } from './read-coincorner-settings';
import { signCoinCornerRequest } from './sign-coincorner-request';

export type CoinCornerAction = 'RefundOrder' | 'CheckOrder' | 'GetOrder';

/** What every CoinCorner operation stands on; internal, the credentials stay inside its closures. */
export interface CoinCornerSender {
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

export function createCoinCornerSender(settings: CoinCornerClientSettings): CoinCornerSender {
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
      return timingSafeEqual(candidate.toLowerCase(), readCoinCornerSettings(settings).apiKey.toLowerCase());
    },
    post(action, fields, { writes, signal }) {
      const credentials = readCoinCornerSettings(settings);
      const apiKey = credentials.apiKey.toLowerCase();
      const source = settings.nonceSource ?? inProcessNonceSource(apiKey);
      return inNonceOrder(apiKey, source, async (nextNonce) => {
        // A request refused for its nonce executed nothing (CoinCorner checks the nonce first), so it is sent
        // again with a fresh nonce. The nonce it lost to came from another process sharing the key, whose
        // clock-based values are ahead by an unknown amount (its clock, its own retries): each retry starts
        // further ahead of the clock, 10 ms, then 100 ms, then 1 s.
        for (let retry = 0; ; retry++) {
          // Waiting in the queue is not sending: a caller who gave up meanwhile gets a safe `not_sent`.
          if (signal?.aborted) throw abortedBeforeSending(action);
          const response = await transport.send({
            method: 'POST',
            path: `/api/${action}`,
            // Reads may be repeated; a RefundOrder never is, because CoinCorner has no refund id to de-duplicate.
            idempotent: !writes,
            signal,
            async prepare() {
              // One nonce per attempt, used in both the signature and the body.
              const nonce = await nextNonce(retry === 0 ? 0 : 10 ** retry);
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
                headers: {
                  'content-type': 'application/x-www-form-urlencoded',
                  accept: 'application/json',
                },
              };
            },
          });
          if (retry >= nonceRetries || !isNonceRefusal(response) || signal?.aborted) return response;
        }
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
