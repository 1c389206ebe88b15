import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** Every error body has one shape: what went wrong, in a code a program can switch on and words a person can act on. */
export function errorResponse(
  context: Context,
  status: ContentfulStatusCode,
  code: string,
  message: string,
  field?: string,
) {
  return context.json({ error: { code, message, ...(field ? { field } : {}) } }, status);
}
