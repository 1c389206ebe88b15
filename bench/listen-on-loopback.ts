import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A child process's server on a free loopback port, announced as the first JSON line (`{ url }`) that
 * startChildProcess waits for; it ends with SIGTERM or when the bench that started it goes away.
 */
export function listenOnLoopback(server: Server): void {
  server.keepAliveTimeout = 60_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
  });
  process.on('SIGTERM', () => server.close(() => process.exit(0)));
  process.on('disconnect', () => process.exit(0));
}
