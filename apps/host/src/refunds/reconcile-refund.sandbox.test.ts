import type { RunningSandbox } from '@refunds/core';
import gatepay from '@refunds/gatepay';
import gatepaySandbox from '@refunds/gatepay/sandbox';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedger } from '../ledger/create-ledger';
import type { Ledger, RefundRecord } from '../ledger/ledger';
import { reconcileRefund } from './reconcile-refund';
import { createRefundService } from './refund-service';

// "Still pending" over loopback: GatePay's sandbox keeps the refund pending, the reconciler keeps asking.

let sandbox: RunningSandbox;
let ledger: Ledger;

beforeAll(async () => {
  sandbox = await gatepaySandbox.start({ settleAfterMs: 600_000 });
  ledger = await createLedger({ sqlitePath: ':memory:' });
});
afterAll(async () => {
  await ledger?.close();
  await sandbox?.close();
});

describe('reconciling a refund the provider keeps pending', () => {
  it('never counts pending answers toward parking it; only failed checks in a row do', async () => {
    const provider = gatepay.create(sandbox.settings);
    const accounts = new Map([['gatepay:main', { provider }]]);
    const context = {
      ledger,
      accounts,
      instanceId: 'host-a',
      logger: pino({ level: 'silent' }),
      leaseMs: 10_000,
      maxCheckFailures: 2,
    };
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'USDT' } });
    const service = createRefundService(context);
    const { refund } = await service.submit('gatepay:main', {
      refundId: 'pending-1',
      orderId: order.orderId,
      amount: order.amount,
      ...(order.destination ? { destination: order.destination } : {}),
    });
    expect(refund.state).toBe('pending');

    const claim = async (): Promise<RefundRecord> => {
      const [claimed] = await ledger.claimDue('host-a', {
        now: new Date(Date.now() + 3_600_000),
        limit: 1,
        leaseMs: 10_000,
        accounts: ['gatepay:main'],
      });
      if (!claimed) throw new Error('the pending refund was not due');
      return claimed;
    };
    // Many more pending answers than the failures allowed.
    for (let check = 0; check < 8; check++) {
      expect((await reconcileRefund(await claim(), context))?.state).toBe('pending');
    }
    // One failed check after all that pending (the fault outlasts the transport's retries of a read): still
    // pending, not handed to a person.
    const failedCheck = async () => {
      sandbox.injectFault({ fault: { kind: 'status', status: 502 }, times: 10 });
      try {
        return await reconcileRefund(await claim(), context);
      } finally {
        sandbox.clearFaults();
      }
    };
    expect(await failedCheck()).toMatchObject({ state: 'pending', checkFailures: 1 });
    // Only failures in a row reach the limit.
    expect(await failedCheck()).toMatchObject({ state: 'needs_attention', checkFailures: 2 });
    expect(sandbox.executedRefunds().filter((executed) => executed.orderId === order.orderId)).toHaveLength(
      1,
    );
  });
});
