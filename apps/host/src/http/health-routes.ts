import { Hono } from 'hono';
import type { AppOptions } from './app-options';
import { errorResponse } from './error-response';

/** Liveness, ledger readiness and Prometheus metrics: no API key, so probes and scrapers reach them. */
export function healthRoutes(options: AppOptions): Hono {
  const { ledger, metrics, service } = options;
  const routes = new Hono();
  routes.get('/healthz', (context) => context.json({ status: 'ok' }));
  routes.get('/readyz', async (context) => {
    try {
      await ledger.ping();
      return context.json({ status: 'ready' });
    } catch {
      return errorResponse(context, 503, 'not_ready', 'The ledger database does not answer.');
    }
  });
  routes.get('/metrics', async (context) => {
    const byState = await ledger.countByState();
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
    ]);
    return context.text(text, 200, { 'content-type': 'text/plain; version=0.0.4' });
  });

  return routes;
}
