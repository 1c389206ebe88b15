import type { Context } from 'hono';
import { HostError } from '../refunds/host-error';

/** The body as JSON, refusing another content type or malformed JSON with an error that says what to send. */
export async function readJson(context: Context): Promise<unknown> {
  const contentType = context.req.header('content-type') ?? '';
  if (!contentType.toLowerCase().includes('application/json')) {
    throw new HostError(
      400,
      'unsupported_media_type',
      'Send the body as JSON with "Content-Type: application/json".',
    );
  }
  const text = await context.req.text();
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HostError(
      400,
      'invalid_json',
      `The body is not valid JSON: ${error instanceof Error ? error.message : 'parse error'}.`,
    );
  }
}
