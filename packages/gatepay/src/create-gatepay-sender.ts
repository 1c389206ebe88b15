import {
  createHttpTransport,
  createRedactor,
  type HttpTransport,
  type Redactor,
  randomNonce,
} from '@refunds/core';
import type * as v from 'valibot';
import type { GatePayClientSettings } from './gatepay-settings';
import { gatePayInstitutionPrefix } from './gatepay-urls';
import { type GatePayResponse, readGatePayResponse } from './read-gatepay-response';
import { checkOnBehalfOf, type GatePaySettingReaders, readGatePaySettings } from './read-gatepay-settings';
import { signGatePayRequest } from './sign-gatepay-request';

export interface GatePayCallOptions {
  signal?: AbortSignal;
  /** An institution sub-account for this call only; see the `onBehalfOf` setting. */
  onBehalfOf?: string;
  /**
   * This refund call sends again a refundRequestId whose earlier attempt may have executed. A refusal that such an
   * execution explains (id already used, amount exceeds what is left, order refunded) is then `outcome: 'unknown'`,
   * never `rejected`. Default false.
   */
  resend?: boolean;
}

export interface GatePayCall<Data> {
  method: 'GET' | 'POST';
  /** The path without the institution prefix, e.g. `/v1/pay/order/refund`. */
  path: string;
  query?: Record<string, string>;
  /** The exact JSON text of a POST body. */
  body?: string;
  /** Whether the call can move money; only calls that cannot are retried after they may have arrived. */
  writes: boolean;
  dataSchema: v.GenericSchema<unknown, Data>;
  options?: GatePayCallOptions;
}

export interface GatePaySender {
  send<Data>(call: GatePayCall<Data>): Promise<GatePayResponse<Data>>;
  readonly settings: GatePaySettingReaders;
  readonly redactor: Redactor;
}

const encoder = new TextEncoder();

/**
 * Signs and sends GatePay calls through one core transport. Credentials stay in closures: nothing here holds a
 * secret in a property, so logging the client shows none.
 */
export function createGatePaySender(settings: GatePayClientSettings): GatePaySender {
  const readers = readGatePaySettings(settings);
  const redactor = createRedactor(() => [readers.configuredSecretKey()]);
  let transport: HttpTransport | undefined;
  // Built at the first call, so that GATEPAY_BASE_URL is read lazily like the credentials.
  const currentTransport = () =>
    (transport ??= createHttpTransport({
      provider: 'gatepay',
      baseUrl: readers.baseUrl(),
      fetch: settings.fetch,
      timeoutMs: settings.timeoutMs,
      hooks: settings.hooks,
      redactor,
    }));

  return {
    settings: readers,
    redactor,
    async send(call) {
      const clientId = readers.clientId();
      const secretKey = readers.secretKey();
      const requested = call.options?.onBehalfOf;
      const onBehalfOf = requested === undefined ? readers.onBehalfOf() : checkOnBehalfOf(requested);
      // GET signs the empty string and sends no body; the query string is not signed.
      const body = call.method === 'GET' ? new Uint8Array(0) : encoder.encode(call.body ?? '');
      const response = await currentTransport().send({
        method: call.method,
        path: onBehalfOf === undefined ? call.path : gatePayInstitutionPrefix + call.path,
        query: call.query,
        idempotent: !call.writes,
        signal: call.options?.signal,
        async prepare() {
          // A fresh timestamp and nonce for every attempt; the body, and so the refund id, never changes.
          const timestamp = String(Date.now());
          const nonce = randomNonce(32);
          const signature = await signGatePayRequest({ secretKey, timestamp, nonce, body });
          return {
            body: call.method === 'GET' ? undefined : body,
            headers: {
              'Content-Type': 'application/json',
              'X-GatePay-Certificate-ClientId': clientId,
              'X-GatePay-Timestamp': timestamp,
              'X-GatePay-Nonce': nonce,
              'X-GatePay-Signature': signature,
              ...(onBehalfOf === undefined ? {} : { 'X-GatePay-On-Behalf-Of': onBehalfOf }),
            },
          };
        },
      });
      return readGatePayResponse(response, {
        secretKey,
        requireSignedResponses: settings.requireSignedResponses === true,
        writes: call.writes,
        resend: call.options?.resend === true,
        dataSchema: call.dataSchema,
        redactor,
      });
    },
  };
}
