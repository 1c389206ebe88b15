import type { RefundErrorCode, RefundOutcome } from './refund-error-code';

// A registry-wide symbol, so that `isInstance` recognises errors thrown by another copy of this package.
const marker = Symbol.for('@refunds/core/refund-error');
const inspectSymbol = Symbol.for('nodejs.util.inspect.custom');

export interface RefundErrorOptions {
  code: RefundErrorCode;
  outcome: RefundOutcome;
  message: string;
  retryable?: boolean;
  provider?: string;
  providerCode?: string;
  providerMessage?: string;
  /** The offending input field, for `invalid_request`. */
  field?: string;
  /** The provider's payload. Callers pass it through a redactor first. */
  raw?: unknown;
  cause?: unknown;
}

export class RefundError extends Error {
  readonly code: RefundErrorCode;
  readonly outcome: RefundOutcome;
  readonly retryable: boolean;
  readonly provider: string | undefined;
  readonly providerCode: string | undefined;
  readonly providerMessage: string | undefined;
  readonly field: string | undefined;
  readonly raw: unknown;

  constructor(options: RefundErrorOptions) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RefundError';
    this.code = options.code;
    this.outcome = options.outcome;
    this.retryable = options.retryable ?? isRetryableByDefault(options.code, options.outcome);
    this.provider = options.provider;
    this.providerCode = options.providerCode;
    this.providerMessage = options.providerMessage;
    this.field = options.field;
    this.raw = options.raw;
    Object.defineProperty(this, marker, { value: true });
  }

  static isInstance(value: unknown): value is RefundError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      code: this.code,
      outcome: this.outcome,
      message: this.message,
      retryable: this.retryable,
      provider: this.provider,
      providerCode: this.providerCode,
      providerMessage: this.providerMessage,
      field: this.field,
      raw: this.raw,
    };
  }

  // `cause` can hold a transport error with request details, so inspection shows only the redacted fields.
  [inspectSymbol](): string {
    return `RefundError [${this.code}/${this.outcome}]: ${this.message} ${JSON.stringify(this.toJSON())}`;
  }
}

/**
 * A retry is safe when the provider certainly did not act, or when the failure is the provider asking us to
 * slow down. Unknown outcomes are never retryable here: the caller must reconcile first.
 */
function isRetryableByDefault(code: RefundErrorCode, outcome: RefundOutcome): boolean {
  if (outcome === 'unknown') return false;
  return (
    code === 'network' || code === 'timeout' || code === 'rate_limited' || code === 'provider_unavailable'
  );
}
