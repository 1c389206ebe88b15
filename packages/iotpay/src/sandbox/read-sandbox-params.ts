import type { LoopbackRequest, LoopbackResponse } from '@refunds/core/sandbox';
import { communicationFailure } from './sandbox-answers';

export type SandboxParams = Record<string, unknown>;

/**
 * Reads the `params` JSON the way IOTPay's Spring server does: POST only, the field from a form body (or the query
 * string), standard form decoding, so a raw `+` in unencoded JSON becomes a space there too.
 */
export function readSandboxParams(
  request: LoopbackRequest,
): { params: SandboxParams } | { failure: LoopbackResponse } {
  if (request.method !== 'POST') return { failure: communicationFailure('post method required') };
  const isForm = (request.headers.get('content-type') ?? '')
    .toLowerCase()
    .startsWith('application/x-www-form-urlencoded');
  const text =
    (isForm ? new URLSearchParams(request.text).get('params') : null) ??
    request.url.searchParams.get('params');
  if (!text) return { failure: communicationFailure('post data empty') };
  try {
    const params: unknown = JSON.parse(text);
    if (typeof params === 'object' && params !== null && !Array.isArray(params)) {
      return { params: params as SandboxParams };
    }
  } catch {}
  return { failure: communicationFailure('parameter error: params must be a JSON object') };
}

/** Whether a field is missing as XxPay's StringUtils.isBlank sees it. */
export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || String(value).trim() === '';
}

/** The first field that is blank or longer than IOTPay's String(n), as XxPay reports it. */
export function findBadField(params: SandboxParams, limits: Record<string, number>, required: string[]) {
  for (const [name, maxLength] of Object.entries(limits)) {
    const value = params[name];
    if (required.includes(name) && isBlank(value))
      return communicationFailure(`request params[${name}] error.`);
    if (!isBlank(value) && String(value).length > maxLength)
      return communicationFailure(`request params[${name}] error.`);
  }
  return undefined;
}
