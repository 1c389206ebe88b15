import { Hono } from 'hono';
import type { AppOptions } from './app-options';
import { errorResponse } from './error-response';

/** Liveness and ledger readiness: no API key, so probes reach them. */
export function healthRoutes(options: AppOptions): Hono {
  const { ledger } = options;
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
  return routes;
}
