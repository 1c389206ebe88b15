import { refundErrorOf as failureOf } from '@refunds/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scriptedFetch } from '../__fixtures__/scripted-fetch';
import { testCredentials, testnetAddress } from '../__fixtures__/test-credentials';
import { createCoinCorner } from '../create-coincorner';
import { createCoinCornerSandbox, type RunningCoinCornerSandbox } from '../sandbox/create-coincorner-sandbox';

let sandbox: RunningCoinCornerSandbox;
beforeAll(async () => {
  sandbox = await createCoinCornerSandbox({ settleAfterMs: 5_000 });
});
afterAll(() => sandbox.close());

const refundOf = (orderId: string, amount: string) => ({
  refundId: `refund-${orderId}`,
  orderId,
  amount: { amount, currency: 'GBP' },
  destination: { address: testnetAddress },
});

describe('getRefund', () => {
  it('follows the order status: -4 is pending, -5 succeeded, with the amount this process sent', async () => {
    const provider = createCoinCorner(sandbox.settings);
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    await provider.refund(refundOf(order.orderId, '2.50'));
    const lookup = { refundId: `refund-${order.orderId}`, orderId: order.orderId };
    await expect(provider.getRefund(lookup)).resolves.toMatchObject({
      refundId: lookup.refundId,
      provider: 'coincorner',
      status: 'pending',
      amount: { amount: '2.50', currency: 'GBP' },
      raw: { CheckOrder: { OrderId: order.orderId, OrderStatus: -4, OrderStatusText: 'Pending Refund' } },
    });
    await sandbox.settleAll();
    await expect(provider.getRefund(lookup)).resolves.toMatchObject({ status: 'succeeded' });
  });

  it('reports the exact invoice amount for a refund another process sent', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '12345678901.12345678', currency: 'EUR' } });
    await createCoinCorner(sandbox.settings).refund({
      ...refundOf(order.orderId, '12345678901.12345678'),
      amount: order.amount,
    });
    const found = await createCoinCorner(sandbox.settings).getRefund({
      refundId: 'from-elsewhere',
      orderId: order.orderId,
    });
    expect(found.amount).toEqual({ amount: '12345678901.12345678', currency: 'EUR' });
  });

  it('answers not_found, outcome rejected, for an order without a refund, so a reconciler knows none ran', async () => {
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    const error = await failureOf(
      createCoinCorner(sandbox.settings).getRefund({ refundId: 'never', orderId: order.orderId }),
    );
    expect(error).toMatchObject({ code: 'not_found', outcome: 'rejected', providerCode: '2' });
    expect(error.message).toContain('status 2 (Complete)');
  });

  it('needs the order id, because CoinCorner has no refund id', async () => {
    const { fetch, sent } = scriptedFetch();
    const error = await failureOf(
      createCoinCorner({ ...testCredentials(), fetch }).getRefund({ refundId: 'r1' }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'orderId' });
    expect(sent).toHaveLength(0);
  });

  it('refuses an order id other than the one the refund was sent for', async () => {
    const provider = createCoinCorner(sandbox.settings);
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'GBP' } });
    await provider.refund(refundOf(order.orderId, '1.00'));
    const error = await failureOf(
      provider.getRefund({ refundId: `refund-${order.orderId}`, orderId: '999' }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', field: 'orderId' });
  });

  it('reports an accepted refund as pending while the order does not show it yet', async () => {
    const { fetch } = scriptedFetch(
      { status: 200, body: '' },
      { status: 200, body: '{"OrderId":"55","OrderStatus":2,"OrderStatusText":"Complete"}' },
    );
    const provider = createCoinCorner({ ...testCredentials(), fetch, verifyOrderBeforeRefund: false });
    await provider.refund(refundOf('55', '1.00'));
    await expect(provider.getRefund({ refundId: 'refund-55', orderId: '55' })).resolves.toMatchObject({
      status: 'pending',
      amount: { amount: '1.00', currency: 'GBP' },
    });
  });

  it('does not credit a refund CoinCorner refused with a later refund of the same order', async () => {
    const { fetch } = scriptedFetch(
      { status: 400, body: '{"Message":"Invalid address"}' },
      { status: 200, body: '{"OrderId":"55","OrderStatus":-5,"OrderStatusText":"Refunded"}' },
    );
    const provider = createCoinCorner({ ...testCredentials(), fetch, verifyOrderBeforeRefund: false });
    await failureOf(provider.refund(refundOf('55', '1.00')));
    const error = await failureOf(provider.getRefund({ refundId: 'refund-55', orderId: '55' }));
    expect(error).toMatchObject({ code: 'not_found', outcome: 'rejected' });
  });

  it('refuses an answer about another order as invalid_response, outcome unknown', async () => {
    const { fetch } = scriptedFetch({ status: 200, body: '{"OrderId":"56","OrderStatus":-5}' });
    const error = await failureOf(
      createCoinCorner({ ...testCredentials(), fetch }).getRefund({ refundId: 'r', orderId: '55' }),
    );
    expect(error).toMatchObject({ code: 'invalid_response', outcome: 'unknown' });
  });

  it('keeps order ids beyond 2^53 exact when CoinCorner echoes them as numbers', async () => {
    const { fetch } = scriptedFetch(
      { status: 200, body: '{"OrderId":9007199254740993,"OrderStatus":-5}' },
      { status: 200, body: '{"OrderId":9007199254740993,"InvoiceAmount":7.5,"InvoiceCurrency":"GBP"}' },
    );
    const provider = createCoinCorner({ ...testCredentials(), fetch });
    await expect(provider.getRefund({ refundId: 'r', orderId: '9007199254740993' })).resolves.toMatchObject({
      status: 'succeeded',
      amount: { amount: '7.5', currency: 'GBP' },
    });
  });

  it("reads CheckOrder's N/A answer for an unknown order as not_found", async () => {
    const strictSandbox = await createCoinCornerSandbox({ unknownOrderAnswer: 'status-na' });
    try {
      const error = await failureOf(
        createCoinCorner(strictSandbox.settings).getRefund({ refundId: 'r', orderId: '404' }),
      );
      expect(error).toMatchObject({
        code: 'not_found',
        outcome: 'rejected',
        providerMessage: 'Order not found',
      });
    } finally {
      await strictSandbox.close();
    }
  });
});
