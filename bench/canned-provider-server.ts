import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createCannedResponder } from './canned-responders';
import type { ProviderName } from './workspace-paths';

// A child process of its own, so that the endpoint's work never shares an event loop with what is measured.
const { provider, credentials } = JSON.parse(process.argv[2] ?? '{}') as {
  provider: ProviderName;
  credentials: Record<string, string>;
};
const respond = createCannedResponder(provider, credentials);

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    const answer = respond({
      method: request.method ?? 'GET',
      url: request.url ?? '/',
      body: Buffer.concat(chunks),
    });
    response.writeHead(answer.status, {
      ...answer.headers,
      'content-length': Buffer.byteLength(answer.body),
    });
    response.end(answer.body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address() as AddressInfo;
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('disconnect', () => process.exit(0));
