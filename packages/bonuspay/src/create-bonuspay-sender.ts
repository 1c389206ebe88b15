import {
  createHttpTransport,
  type HttpHooks,
  type HttpTransport,
  type LosslessJsonValue,
  type Redactor,
  stringifyLosslessJson,
} from '@refunds/core';
import { checkPlatformPublicKey } from './api/check-platform-public-key';
import { type BonusPayAnswer, readBonusPayResponse } from './api/read-bonuspay-response';
import type { BonusPaySettingReaders } from './read-bonuspay-settings';
import { signBonusPayRequest } from './sign-bonuspay-request';

export interface BonusPayPost {
  /** Path below the base URL, e.g. `crypto/refund/placeOrder`. */
  path: string;
  bizContent: { readonly [key: string]: LosslessJsonValue | undefined };
  /** True when the request can create a refund: it is then never resent after it may have arrived. */
  writes: boolean;
  /** The request sends again a refund whose earlier attempt may have executed (`CallOptions.resend`). */
  resend?: boolean;
  signal?: AbortSignal;
}

export interface BonusPaySender {
  post(request: BonusPayPost): Promise<BonusPayAnswer>;
}

/**
 * Signed POSTs to BonusPay. Each attempt serializes `{requestTime, bizContent}` once, signs that string and
 * sends that same string; the answer is verified over the raw bytes before it is read.
 */
export function createBonusPaySender(
  loader: BonusPaySettingReaders,
  redactor: Redactor,
  options: { fetch?: typeof globalThis.fetch; timeoutMs?: number; hooks?: HttpHooks },
): BonusPaySender {
  let current: { baseUrl: string; transport: HttpTransport } | undefined;
  // One transport per client, made at the first call so that a missing setting is reported there.
  const transportFor = (baseUrl: string): HttpTransport => {
    if (current?.baseUrl !== baseUrl) {
      const transport = createHttpTransport({ provider: 'bonuspay', baseUrl, redactor, ...options });
      current = { baseUrl, transport };
    }
    return current.transport;
  };
  // The key is read at each call (it may come from the environment later), but checked once per value.
  let checkedPlatformPublicKey: string | undefined;

  return {
    async post({ path, bizContent, writes, resend, signal }) {
      const partnerId = loader.partnerId();
      const privateKey = loader.privateKey();
      const platformPublicKey = loader.platformPublicKey();
      const contentLanguage = loader.contentLanguage();
      const transport = transportFor(loader.baseUrl());
      if (checkedPlatformPublicKey !== platformPublicKey) {
        await checkPlatformPublicKey(platformPublicKey);
        checkedPlatformPublicKey = platformPublicKey;
      }

      const response = await transport.send({
        method: 'POST',
        path,
        // Reads are safe to repeat. A refund is not: BonusPay answers a resend with 77013, and the caller
        // resolves an unknown outcome with getOrder instead (the reference's advice).
        idempotent: !writes,
        signal,
        async prepare() {
          const body = stringifyLosslessJson({ requestTime: Date.now(), bizContent });
          return {
            body,
            headers: {
              'Content-Type': 'application/json',
              Accept: 'application/json',
              'Partner-Id': partnerId,
              'Content-Language': contentLanguage,
              sign: await signBonusPayRequest(body, privateKey),
            },
          };
        },
      });
      return readBonusPayResponse(response, { writes, resend, platformPublicKey, redactor });
    },
  };
}
