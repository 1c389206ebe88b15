import { Hono } from 'hono';
import { buildOpenApi } from './build-openapi';
import type { AppOptions } from './create-app';

/** The configured accounts and the API's own description. */
export function accountRoutes(options: AppOptions): Hono {
  const { accounts } = options;
  const openApi = buildOpenApi(options.version);
  const routes = new Hono();
  routes.get('/openapi.json', (context) => context.json(openApi));

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
