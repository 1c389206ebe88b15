import { Hono } from 'hono';
import type { AppOptions } from './app-options';

/** The configured accounts. */
export function accountRoutes(options: AppOptions): Hono {
  const { accounts } = options;
  const routes = new Hono();

  routes.get('/v1/accounts', (context) =>
    context.json({
      accounts: [...accounts].map(([id, account]) => ({
        id,
        provider: account.provider.provider,
        package: account.packageName,
        capabilities: account.provider.capabilities,
      })),
    }),
  );

  return routes;
}
