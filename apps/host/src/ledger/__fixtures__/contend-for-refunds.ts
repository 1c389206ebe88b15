// A host process in miniature, for the cross-process SQLite test: once told "go" on stdin it creates the shared
// refunds and then claims due ones until none are left, printing what it won.
import { createInterface } from 'node:readline';
import { createLedger } from '../create-ledger';

const [path, owner] = process.argv.slice(2);
if (path === undefined || owner === undefined)
  throw new Error('usage: contend-for-refunds <sqlite path> <owner>');
const ledger = await createLedger({ sqlitePath: path });
const input = createInterface({ input: process.stdin });
const go = new Promise<void>((resolve) => input.on('line', (line) => line === 'go' && resolve()));
process.stdout.write('ready\n');
await go;
input.close();

// The two processes walk the shared ids in opposite directions, so they meet in the middle.
const reversed = owner.endsWith('b');
for (let step = 0; step < 100; step += 1) {
  const index = reversed ? 99 - step : step;
  const refundId = `shared-${index}`;
  const { created } = await ledger.createRefund({
    refundId,
    account: 'account-a',
    provider: 'gatepay',
    orderId: `order-${index}`,
    amount: '1.00',
    currency: 'USDT',
    requestHash: 'hash',
    request: { refundId, orderId: `order-${index}`, amount: { amount: '1.00', currency: 'USDT' } },
    leaseOwner: owner,
    leaseMs: 60_000,
  });
  if (created) process.stdout.write(`created ${refundId}\n`);
}
for (;;) {
  const claimed = await ledger.claimDue(owner, {
    now: new Date(),
    limit: 2,
    leaseMs: 60_000,
    accounts: ['account-a'],
  });
  if (claimed.length === 0) break;
  for (const refund of claimed) process.stdout.write(`claimed ${refund.refundId}\n`);
}
await ledger.close();
