import type { Context } from 'hono';
import { HostError } from '../refunds/host-error';
import { cutInput } from './cut-input';
import { readBodyText } from './read-body-text';

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
  const text = await readBodyText(context);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HostError(
      400,
      'invalid_json',
      // The parser's message quotes a piece of the body; V8 keeps it short, other engines need not.
      `The body is not valid JSON: ${cutInput(error instanceof Error ? error.message : 'parse error', 160)}.`,
    );
  }
}
