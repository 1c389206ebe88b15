import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppOptions } from './app-options';
import { buildOpenApi } from './build-openapi';

// Swagger UI's own distribution, installed with the host: the page loads nothing from elsewhere, so it works
// offline and in an air-gapped deployment.
const assets = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
} as const;

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Refunds host API</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
<div id="docs"></div>
<script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/assets/initialize.js"></script>
</body>
</html>`;

const initialize = `window.ui = SwaggerUIBundle({ url: '/openapi.json', dom_id: '#docs', deepLinking: true });`;

/** The API's description and a page that renders it, public: the document says nothing a caller could not learn by calling. */
export function docsRoutes(options: Pick<AppOptions, 'version'>): Hono {
  const openApi = buildOpenApi(options.version);
  const folder = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const cache = new Map<string, Promise<Buffer>>();
  const routes = new Hono();
  routes.get('/openapi.json', (context) => context.json(openApi));
  routes.get('/docs', (context) =>
    context.html(page, 200, {
      'content-security-policy':
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'",
    }),
  );
  routes.get('/docs/assets/initialize.js', (context) =>
    context.body(initialize, 200, { 'content-type': 'text/javascript; charset=utf-8' }),
  );
  routes.get('/docs/assets/:file', async (context) => {
    const file = context.req.param('file');
    if (!Object.hasOwn(assets, file)) return context.notFound();
    let content = cache.get(file);
    if (!content) {
      content = readFile(join(folder, file));
      cache.set(file, content);
    }
    return context.body(new Uint8Array(await content), 200, {
      'content-type': assets[file as keyof typeof assets],
      'cache-control': 'public, max-age=86400',
    });
  });
  return routes;
}
