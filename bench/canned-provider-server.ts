import { createServer } from 'node:http';
import { createCannedResponder } from './canned-responders';
import { listenOnLoopback } from './listen-on-loopback';
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
listenOnLoopback(server);
