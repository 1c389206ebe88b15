import { Webhook } from 'standardwebhooks';

export interface WebhookPost {
  url: string;
  /** `whsec_<base64>`. */
  secret: string;
  /** The event's id: the same `webhook-id` on every attempt. */
  eventId: string;
  /** The exact body, as stored. */
  payload: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export interface WebhookPostResult {
  /** A 2xx answer: nothing else counts, a redirect included. */
  delivered: boolean;
  status: number | undefined;
  latencyMs: number;
  /** Why no answer came, in our words. */
  error: string | undefined;
  /** The first bytes of the answer, as text: enough to tell an error page, never the whole answer. */
  responseExcerpt: string | undefined;
}

/** How much of a receiver's answer is kept. */
export const responseExcerptBytes = 256;

async function readExcerpt(response: Response): Promise<string | undefined> {
  if (response.body === null) return undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  try {
    while (length < responseExcerptBytes) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      length += value.length;
    }
  } finally {
    // The rest is never read: a receiver answering with a huge body costs us nothing more.
    await reader.cancel().catch(() => {});
  }
  const bytes = Buffer.concat(chunks).subarray(0, responseExcerptBytes);
  return bytes.length === 0 ? undefined : bytes.toString('utf8');
}

function describeFailure(error: unknown, timeoutMs: number): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return `no answer within ${timeoutMs} ms`;
  }
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' ? `connection failed (${cause.code})` : 'connection failed';
}

/**
 * One attempt at one delivery, signed as the Standard Webhooks specification writes it, with the
 * `standardwebhooks` package: `webhook-id`, `webhook-timestamp` (this attempt's, in seconds) and
 * `webhook-signature` over "{id}.{timestamp}.{body}". Redirects are not followed: the config's URL is the only
 * place the body goes.
 */
export async function postWebhook(post: WebhookPost): Promise<WebhookPostResult> {
  const sentAt = new Date();
  const signature = new Webhook(post.secret).sign(post.eventId, sentAt, post.payload);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await (post.fetch ?? fetch)(post.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'refunds-host-webhooks',
        'webhook-id': post.eventId,
        'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
        'webhook-signature': signature,
      },
      body: post.payload,
      redirect: 'manual',
      signal: AbortSignal.timeout(post.timeoutMs),
    });
    const responseExcerpt = await readExcerpt(response).catch(() => undefined);
    return {
      delivered: response.status >= 200 && response.status < 300,
      status: response.status,
      latencyMs: elapsed(),
      error: undefined,
      responseExcerpt,
    };
  } catch (error) {
    return {
      delivered: false,
      status: undefined,
      latencyMs: elapsed(),
      error: describeFailure(error, post.timeoutMs),
      responseExcerpt: undefined,
    };
  }
}
