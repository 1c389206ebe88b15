// The host's SQLite ledger in a worker thread, for the bench's durability section: the main thread sends each
// ledger operation as one message and the worker runs it on the real ledger (group commit included), so the
// flush blocks this thread's event loop instead of the main one. Plain JavaScript: a worker does not inherit
// the tsx loader the bench runs under.
import { parentPort, workerData } from 'node:worker_threads';
import { createLedger } from '@refunds/host';

const ledger = await createLedger({ sqlitePath: workerData.sqlitePath });

parentPort.on('message', async ({ id, operation, args }) => {
  try {
    const value = operation === 'close' ? await ledger.close() : await ledger[operation](...args);
    parentPort.postMessage({ id, value });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
  if (operation === 'close') parentPort.close();
});
parentPort.postMessage({ ready: true });
