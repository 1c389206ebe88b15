import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refundBody, type SandboxHost, startSandboxHost } from '../support/start-sandbox-host';

let harness: SandboxHost;

beforeAll(async () => {
  harness = await startSandboxHost();
}, 60_000);
afterAll(async () => {
  await harness?.close();
});

/** A refund of the account's fresh demo order with its destination left out. */
async function withoutDestination(account: string) {
  const order = await harness.freshOrder(account);
  const { destination: _destination, ...body } = refundBody(account, order, order.amount.amount);
  return { order, body };
}

describe('a refused refund says truthfully whether it reached the provider, and what to change', () => {
  it('BonusPay: a chain payment refunded without a chain reached BonusPay, which names its code and both fields', async () => {
    const { order, body } = await withoutDestination('bonuspay:sandbox');
    const refused = await harness.call('POST', '/v1/refunds', body);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    const message: string = refused.body.error.message;
    // BonusPay's documented answer, code and token, and what it asks for.
    expect(message).toContain('400 INVALID_PARAMETER');
    expect(message).toContain('destination.network');
    expect(message).toContain('destination.address');
    // It reached BonusPay: saying it was not sent would be false.
    expect(message).toContain('reached the provider, which refused it');
    expect(message).not.toMatch(/not sent|never reached/);
    expect(refused.body.refund.state).toBe('failed');
    expect(refused.body.refund.failure.retryableWithSameId).toBe(false);
    expect(harness.executed('bonuspay:sandbox', order.orderId)).toHaveLength(0);
  });

  it('CoinCorner: a refund without an address never reached CoinCorner, and names destination.address', async () => {
    const { order, body } = await withoutDestination('coincorner:sandbox');
    const refused = await harness.call('POST', '/v1/refunds', body);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    const message: string = refused.body.error.message;
    expect(message).toContain('destination.address is required');
    expect(message).toContain('never reached the provider');
    expect(message).not.toContain('which refused it');
    expect(refused.body.refund.failure.retryableWithSameId).toBe(true);
    expect(harness.executed('coincorner:sandbox', order.orderId)).toHaveLength(0);
  });

  it('GatePay: a convert refund without the payer Gate UID never reached GatePay, and names destination.accountId', async () => {
    const orders = harness.demoOrders.get('gatepay:sandbox') ?? [];
    const convert = orders.find((order) => order.destination?.accountId !== undefined);
    expect(convert, 'the GatePay sandbox seeds a convert order').toBeDefined();
    const { destination: _destination, ...body } = refundBody(
      'gatepay:sandbox',
      convert!,
      convert!.amount.amount,
    );
    const refused = await harness.call('POST', '/v1/refunds', body);
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    const message: string = refused.body.error.message;
    expect(message).toContain('destination.accountId');
    expect(message).toContain('never reached the provider');
  });

  it('IOTPay: a destination it cannot use never reached IOTPay, and says to remove it', async () => {
    const order = await harness.freshOrder('iotpay:sandbox');
    const refused = await harness.call('POST', '/v1/refunds', {
      ...refundBody('iotpay:sandbox', order),
      destination: { address: 'somewhere' },
    });
    expect(refused.status, JSON.stringify(refused.body)).toBe(422);
    const message: string = refused.body.error.message;
    expect(message).toContain('destination is not supported');
    expect(message).toContain('never reached the provider');
    expect(harness.executed('iotpay:sandbox', order.orderId)).toHaveLength(0);
  });
});
