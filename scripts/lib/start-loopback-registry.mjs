import { createServer } from 'node:http';

/**
 * A throwaway npm registry on 127.0.0.1 that knows no package and keeps whatever is published to it in memory,
 * so that `changeset publish` can run for real without a real registry: `npm info` gets a 404 (never
 * published), `pnpm publish` gets its PUT accepted, and the caller can list what arrived.
 */
export async function startLoopbackRegistry() {
  const published = [];
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', () => {
      const name = decodeURIComponent((request.url ?? '/').slice(1).split('/-/')[0]);
      if (request.method === 'PUT') {
        const document = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        for (const [version, manifest] of Object.entries(document.versions ?? {})) {
          const attachment = Object.values(document._attachments ?? {})[0];
          published.push({
            name,
            version,
            distTags: document['dist-tags'] ?? {},
            dependencies: manifest.dependencies ?? {},
            tarballBytes: attachment ? Buffer.from(attachment.data, 'base64').length : 0,
          });
        }
        response.writeHead(201, { 'content-type': 'application/json' });
        response.end('{"ok":true}');
        return;
      }
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end('{"error":"Not found"}');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    published,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}
