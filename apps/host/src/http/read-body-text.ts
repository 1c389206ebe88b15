import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

const decoder = new TextDecoder();

/**
 * The request body as text, decoded as `Request.text()` does (UTF-8, a leading byte order mark dropped).
 *
 * Under the Node server, read straight from the socket's stream (issue 19): going through `c.req` makes
 * @hono/node-server build a web `Request`, its AbortController and a web stream over the socket, about 100 µs of
 * CPU per request, more than the rest of reading and parsing a refund. Only while nothing else has started
 * reading the stream; otherwise, and when there is no socket (`app.request` in tests), through `c.req`.
 */
export async function readBodyText(context: Context): Promise<string> {
  const incoming = (context.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming === undefined || incoming.readableFlowing !== null || incoming.readableDidRead) {
    return context.req.text();
  }
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  return decoder.decode(Buffer.concat(chunks));
}
