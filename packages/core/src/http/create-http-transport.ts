import { RefundError } from '../errors/refund-error';
import type { Redactor } from '../redaction/create-redactor';
import { classifyFetchFailure, type FailureReason } from './classify-fetch-failure';
import { fetchWithBody } from './fetch-with-body';
import type { HttpHooks, HttpRequest, HttpResponse } from './http-types';
import { linkSignals } from './link-signals';
import { loadKy } from './load-ky';
import { withLazyFields } from './with-lazy-fields';

export interface HttpTransportOptions {
  provider: string;
  baseUrl: string;
  /** Replaces the global `fetch`, e.g. for a proxy agent or a test double. */
  fetch?: typeof globalThis.fetch;
  /** Limit for one attempt, from sending to the last byte of the body. Default 15 000 ms. */
  timeoutMs?: number;
  /** Limit for the whole call, retries and back-off included. Default: three attempts' worth. */
  deadlineMs?: number;
  /** Attempts for requests that may be retried. Default 3. */
  maxAttempts?: number;
  /** First back-off delay; it doubles with each retry, with jitter. Default 200 ms. */
  retryDelayMs?: number;
  redactor: Redactor;
  hooks?: HttpHooks;
}

export interface HttpTransport {
  send(request: HttpRequest): Promise<HttpResponse>;
}

// Statuses after which an idempotent request is worth repeating.
const retryableStatuses = new Set([408, 425, 429, 500, 502, 503, 504]);
const decoder = new TextDecoder();

/**
 * The one HTTP transport every provider uses. It never interprets a provider's envelope: it sends exact bytes,
 * returns exact bytes, retries only what cannot pay twice, and turns every transport failure into a
 * `RefundError` that says whether the provider may have acted.
 */
export function createHttpTransport(options: HttpTransportOptions): HttpTransport {
  const { provider, redactor, hooks } = options;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const deadlineMs = options.deadlineMs ?? timeoutMs * 3 + 1_000;
  const maxAttempts = Math.max(1, options.maxAttempts ?? 3);
  const retryDelayMs = options.retryDelayMs ?? 200;

  return {
    async send(request) {
      const url = buildUrl(options.baseUrl, request.path, request.query);
      if (request.signal?.aborted) {
        throw new RefundError({
          code: 'network',
          outcome: 'not_sent',
          provider,
          message: `The call to ${provider} was aborted by the caller before anything was sent.`,
        });
      }
      const client = await loadKy();
      const deadline = new AbortController();
      const deadlineTimer = setTimeout(() => deadline.abort(), deadlineMs);
      try {
        for (let attempt = 1; ; attempt++) {
          const prepared = await request.prepare({ attempt, url });
          // What hooks see of the request, built only if there are hooks. Redacting costs a pass over every
          // header and the body: a field is redacted when a hook first reads it, then kept for the other hooks.
          const sent =
            hooks &&
            withLazyFields(
              { provider, method: request.method, attempt },
              {
                url: () => redactor.body(url),
                headers: () => redactor.headers(prepared.headers),
                body: () => redactor.body(bodyText(prepared.body)),
              },
            );
          if (sent && hooks?.onRequest) callHook(() => hooks.onRequest?.(sent));
          const started = Date.now();
          const attemptController = new AbortController();
          let reason: FailureReason | undefined;
          const attemptTimer = setTimeout(() => {
            reason ??= 'attempt-timeout';
            attemptController.abort();
          }, timeoutMs);
          const unlink = linkSignals(attemptController, [
            { signal: deadline.signal, onAbort: () => (reason ??= 'deadline') },
            { signal: request.signal, onAbort: () => (reason ??= 'caller-abort') },
          ]);
          let failure: RefundError;
          try {
            const response = await client(url, {
              method: request.method,
              headers: prepared.headers,
              signal: attemptController.signal,
              // Read at each attempt, so that a test or an instrumentation replacing the global fetch is used.
              fetch: fetchWithBody(options.fetch ?? globalThis.fetch, prepared.body),
            });
            // The body is read under the same attempt timer: a server that stalls mid-body is a timeout too.
            const body = new Uint8Array(await response.arrayBuffer());
            const text = decoder.decode(body);
            if (hooks?.onResponse) {
              const durationMs = Date.now() - started;
              callHook(() =>
                hooks.onResponse?.(
                  withLazyFields(
                    { status: response.status, durationMs },
                    {
                      responseHeaders: () => redactor.headers(response.headers),
                      responseBody: () => redactor.body(text),
                    },
                    sent,
                  ),
                ),
              );
            }
            const canRetryStatus =
              request.idempotent && retryableStatuses.has(response.status) && attempt < maxAttempts;
            if (!canRetryStatus) {
              return {
                status: response.status,
                headers: response.headers,
                body,
                text,
                url,
                attempts: attempt,
              };
            }
            await backOff(retryDelayMs, attempt, response.headers.get('retry-after'), deadline.signal);
            continue;
          } catch (error) {
            failure = classifyFetchFailure(error, { provider, reason, timeoutMs, deadlineMs });
          } finally {
            clearTimeout(attemptTimer);
            unlink();
          }
          const willRetry =
            attempt < maxAttempts &&
            reason !== 'deadline' &&
            reason !== 'caller-abort' &&
            (failure.outcome === 'not_sent' || request.idempotent);
          if (hooks?.onError) {
            callHook(() =>
              hooks.onError?.(
                withLazyFields({ durationMs: Date.now() - started, error: failure, willRetry }, {}, sent),
              ),
            );
          }
          if (!willRetry) throw failure;
          await backOff(retryDelayMs, attempt, null, deadline.signal);
          if (deadline.signal.aborted) throw failure;
        }
      } finally {
        clearTimeout(deadlineTimer);
      }
    },
  };
}

function buildUrl(baseUrl: string, path: string, query: Record<string, string> | undefined): string {
  const url = baseUrl.replace(/\/+$/, '') + (path.startsWith('/') ? path : `/${path}`);
  if (!query || Object.keys(query).length === 0) return url;
  return `${url}?${new URLSearchParams(query).toString()}`;
}

function bodyText(body: string | Uint8Array | undefined): string {
  if (body === undefined) return '';
  return typeof body === 'string' ? body : decoder.decode(body);
}

// A hook is for observation: a failing logger must never change what happens to a refund.
function callHook(run: () => void): void {
  try {
    run();
  } catch {}
}

async function backOff(
  baseDelayMs: number,
  attempt: number,
  retryAfter: string | null,
  signal: AbortSignal,
): Promise<void> {
  const requested = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) * 1000 : undefined;
  const exponential = baseDelayMs * 2 ** (attempt - 1);
  const delay = requested ?? exponential / 2 + Math.random() * (exponential / 2);
  if (signal.aborted) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(done, delay);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
