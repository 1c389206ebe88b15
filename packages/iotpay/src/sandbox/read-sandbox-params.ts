import type { LoopbackRequest, LoopbackResponse } from '@refunds/core/sandbox';
import { communicationFailure } from './sandbox-answers';

export type SandboxParams = Record<string, unknown>;

export interface ReadSandboxParamsOptions {
  /** Refuse a body whose content type does not match its shape, as a server that trusts the header would. */
  strictContentType?: boolean;
}

/**
 * Reads the `params` JSON the way IOTPay's Spring server does: POST only, the field from a form body (or the query
 * string), standard form decoding, so a raw `+` in unencoded JSON becomes a space there too. The body is read by
 * its shape, not its header: IOTPay's published v3 PHP helper posts the docs' `params=<json>` string with
 * `content-type: application/json`, and what the real gateway does with that is undocumented. A bare JSON object
 * body is read as the params themselves. `strictContentType` refuses a header that contradicts the shape.
 */
export function readSandboxParams(
  request: LoopbackRequest,
  options: ReadSandboxParamsOptions = {},
): { params: SandboxParams } | { failure: LoopbackResponse } {
  if (request.method !== 'POST') return { failure: communicationFailure('post method required') };
  const contentType = (request.headers.get('content-type') ?? '').toLowerCase();
  const isJsonBody = request.text.trimStart().startsWith('{');
  const headerMatches = isJsonBody
    ? contentType.startsWith('application/json')
    : contentType.startsWith('application/x-www-form-urlencoded');
  const readable = request.text !== '' && (headerMatches || options.strictContentType !== true);
  const fromBody = !readable
    ? null
    : isJsonBody
      ? request.text
      : new URLSearchParams(request.text).get('params');
  const text = fromBody ?? request.url.searchParams.get('params');
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
