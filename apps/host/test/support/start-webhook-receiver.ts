import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: IncomingHttpHeaders;
  body: string;
  receivedAt: number;
}

/** What the receiver answers one request with; `hang` never answers (until the receiver closes). */
export type ReceiverAnswer =
  | { status: number; body?: string; delayMs?: number; headers?: Record<string, string> }
  | 'hang';

export interface WebhookReceiver {
  url: string;
  received: ReceivedWebhook[];
  /** The most requests carrying one `webhook-id` that were ever in flight at once. */
  mostInFlightForOneId(): number;
  close(): Promise<void>;
}

/**
 * A merchant's application on loopback: records every request as it arrived (headers and the exact body) and
 * answers as `answer` says, so tests can fail deliveries, hold them open or answer slowly.
 */
export async function startWebhookReceiver(
  answer: (request: ReceivedWebhook, index: number) => ReceiverAnswer = () => ({ status: 204 }),
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const inFlight = new Map<string, number>();
  let mostInFlight = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const webhook = {
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        receivedAt: Date.now(),
      };
      const index = received.push(webhook) - 1;
      const id = String(request.headers['webhook-id']);
      inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
      mostInFlight = Math.max(mostInFlight, inFlight.get(id) ?? 0);
      const done = () => inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
      response.on('close', done);
      const reply = answer(webhook, index);
      if (reply === 'hang') return;
      setTimeout(() => {
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body ?? '');
      }, reply.delayMs ?? 0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/refunds`,
    received,
    mostInFlightForOneId: () => mostInFlight,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
