import type { RefundError } from '../errors/refund-error';

export type HttpMethod = 'GET' | 'POST';

export interface PreparedAttempt {
  /** The exact bytes to send; signatures are computed over these same bytes. */
  body?: string | Uint8Array;
  headers: Record<string, string>;
}

export interface HttpRequest {
  method: HttpMethod;
  /** Appended to the transport's base URL as is (the base URL may carry a path prefix). */
  path: string;
  query?: Record<string, string>;
  /**
   * Builds one attempt. Runs again before every retry, so a fresh timestamp or nonce is signed each time;
   * the refund id it carries must never change.
   */
  prepare(attempt: { attempt: number; url: string }): Promise<PreparedAttempt> | PreparedAttempt;
  /**
   * True when resending cannot act twice: a read, or a write the provider de-duplicates by an id the request
   * carries. Only such requests are retried after a failure that may have reached the provider.
   */
  idempotent: boolean;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The raw bytes received: verify signatures over these, never over re-serialized JSON. */
  body: Uint8Array;
  text: string;
  url: string;
  attempts: number;
}

/** What hooks see: already redacted, safe to log. */
export interface HttpRequestEvent {
  provider: string;
  method: HttpMethod;
  url: string;
  attempt: number;
  headers: Record<string, string>;
  body: string;
}

export interface HttpResponseEvent extends HttpRequestEvent {
  status: number;
  durationMs: number;
  responseHeaders: Record<string, string>;
  responseBody: string;
}

export interface HttpErrorEvent extends HttpRequestEvent {
  durationMs: number;
  error: RefundError;
  willRetry: boolean;
}

export interface HttpHooks {
  onRequest?(event: HttpRequestEvent): void;
  onResponse?(event: HttpResponseEvent): void;
  onError?(event: HttpErrorEvent): void;
}
