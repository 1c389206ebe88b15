import type { Logger } from 'pino';
import type { WebhookEndpoint } from '../config/resolve-webhook-endpoints';
import type { Metrics } from '../http/create-metrics';
import type { ClaimedWebhookDelivery, Ledger, WebhookDeliveryNext } from '../ledger/ledger';
import { postWebhook } from './post-webhook';
import { webhookRetryDelay } from './webhook-retry-delay';

export interface WebhookWorkerOptions {
  ledger: Ledger;
  endpoints: readonly WebhookEndpoint[];
  instanceId: string;
  logger: Logger;
  metrics: Metrics;
  /** How long one attempt may take. */
  timeoutMs: number;
  /** How often the worker looks for due deliveries. */
  intervalMs: number;
  /** Deliveries attempted at once per pass. Default 16. */
  batchSize?: number;
  retryDelay?: (attempts: number) => number;
  fetch?: typeof fetch;
}

export interface WebhookWorker {
  /** One pass: claims due deliveries and attempts each once. Returns how many it attempted. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The delivery loop every host instance runs. A delivery is claimed with a lease longer than an attempt can
 * take, so no two instances post one event at once; a host killed mid-attempt leaves the lease to run out, and
 * whoever claims it next posts the event again (at least once, never lost).
 */
export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const { ledger, logger, metrics } = options;
  const endpoints = new Map(options.endpoints.map((endpoint) => [endpoint.id, endpoint]));
  // Room for the attempt and for recording it, with margin for a slow database.
  const leaseMs = options.timeoutMs * 2 + 5_000;
  const retryDelay = options.retryDelay ?? webhookRetryDelay;

  async function attempt(delivery: ClaimedWebhookDelivery): Promise<void> {
    const endpoint = endpoints.get(delivery.endpointId);
    // Claimed for our endpoints only, so always found.
    if (endpoint === undefined) return;
    const startedAt = new Date();
    const result = await postWebhook({
      url: endpoint.url,
      secret: endpoint.secret,
      eventId: delivery.eventId,
      payload: delivery.payload,
      timeoutMs: options.timeoutMs,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    let next: WebhookDeliveryNext;
    if (result.delivered) next = { state: 'delivered' };
    else {
      const nextAttemptAt = new Date(Date.now() + retryDelay(delivery.attempts + 1));
      next =
        nextAttemptAt.getTime() > delivery.giveUpAt.getTime()
          ? { state: 'abandoned' }
          : { state: 'pending', nextAttemptAt };
    }
    await ledger.recordWebhookAttempt(
      delivery.id,
      options.instanceId,
      {
        startedAt,
        latencyMs: result.latencyMs,
        status: result.status,
        error: result.error,
        responseExcerpt: result.responseExcerpt,
        instance: options.instanceId,
      },
      next,
    );
    const outcome = next.state === 'pending' ? 'retrying' : next.state;
    metrics.increment(
      'refunds_webhook_deliveries_total',
      'Webhook delivery attempts by endpoint and outcome',
      {
        endpoint: endpoint.id,
        outcome,
      },
    );
    // Status and our own words only: a receiver's answer is stored as a short excerpt, never logged.
    const fields = {
      endpoint: endpoint.id,
      deliveryId: delivery.id,
      webhookId: delivery.eventId,
      type: delivery.type,
      attempt: delivery.attempts + 1,
      status: result.status,
      ms: result.latencyMs,
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(next.state === 'pending' ? { nextAttemptAt: next.nextAttemptAt.toISOString() } : {}),
    };
    if (next.state === 'delivered') logger.info(fields, 'webhook delivered');
    else if (next.state === 'abandoned') logger.error(fields, 'webhook abandoned: no more retries');
    else logger.warn(fields, 'webhook attempt failed');
  }

  const runOnce = async (): Promise<number> => {
    const claimed = await ledger.claimWebhookDeliveries(options.instanceId, {
      now: new Date(),
      leaseMs,
      limit: options.batchSize ?? 16,
      endpoints: [...endpoints.keys()],
    });
    const results = await Promise.allSettled(claimed.map(attempt));
    for (const result of results) {
      if (result.status === 'rejected') {
        // The lease runs out and the delivery is attempted again: nothing is lost.
        logger.error({ error: String(result.reason) }, 'webhook attempt could not be recorded');
      }
    }
    return claimed.length;
  };

  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loop = () => {
    if (stopped) return;
    current = runOnce()
      .catch((error: unknown) => logger.error({ error: String(error) }, 'webhook pass failed'))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, options.intervalMs);
      });
  };
  // A host with no endpoints has nothing to deliver.
  if (endpoints.size > 0) timer = setTimeout(loop, 0);

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}
