// Creates refunds as fast as it can and prints each id once createRefund has resolved, until it is killed.
import { createLedger } from '../create-ledger';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: create-refunds-until-killed <sqlite path>');
const ledger = await createLedger({ sqlitePath: path });
for (let index = 0; ; index += 1) {
  const refundId = `killed-${index}`;
  await ledger.createRefund({
    refundId,
    account: 'account-a',
    provider: 'gatepay',
    orderId: `order-${index}`,
    amount: '10.00000001',
    currency: 'USDT',
    requestHash: 'hash',
    request: { refundId, orderId: `order-${index}`, amount: { amount: '10.00000001', currency: 'USDT' } },
    leaseOwner: 'host-killed',
    leaseMs: 60_000,
  });
  process.stdout.write(`${refundId}\n`);
}
