import { Hono } from 'hono';
import type { AppOptions } from './app-options';

/**
 * Prometheus metrics. Their labels name the configured accounts, so `createApp` mounts them behind an API key
 * (any role) unless the operator made them public (`metricsPublic`, `REFUNDS_METRICS_PUBLIC=true`).
 */
export function metricsRoutes(options: AppOptions): Hono {
  const { ledger, metrics, service } = options;
  const routes = new Hono();
  routes.get('/metrics', async (context) => {
    const byState = await ledger.countByState();
    const oldest = new Map(
      (await ledger.oldestUndeliveredWebhooks()).map((entry) => [
        entry.endpointId,
        entry.createdAt.getTime(),
      ]),
    );
    const now = Date.now();
    const text = metrics.render([
      {
        name: 'refunds_ledger_refunds',
        help: 'Refunds in the ledger by state',
        values: Object.entries(byState).map(([state, count]) => [{ state }, count]),
      },
      {
        name: 'refunds_in_flight',
        help: 'Provider calls this instance is making',
        values: [[{}, service.inFlight]],
      },
      {
        name: 'refunds_webhook_oldest_undelivered_seconds',
        help: 'Age of the oldest webhook event not yet delivered, per endpoint (0 when all are delivered)',
        values: [...new Set([...(options.webhookEndpointIds ?? []), ...oldest.keys()])].map((endpoint) => {
          const createdAt = oldest.get(endpoint);
          return [{ endpoint }, createdAt === undefined ? 0 : Math.max(0, (now - createdAt) / 1000)];
        }),
      },
    ]);
    return context.text(text, 200, { 'content-type': 'text/plain; version=0.0.4' });
  });
  return routes;
}
