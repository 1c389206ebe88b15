import { afterEach, describe, expect, it } from 'vitest';
import { type __Name__Sandbox, create__Name__Sandbox } from './create-__name__-sandbox';

let sandbox: __Name__Sandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

describe('create__Name__Sandbox', () => {
  it('refuses a request from an unknown merchant before it touches any state', async () => {
    sandbox = await create__Name__Sandbox();
    const response = await fetch(`${sandbox.url}/v1/refunds`, { method: 'POST', body: '{}' });
    expect(response.status).toBe(401);
    expect(sandbox.executedRefunds()).toEqual([]);
  });

  it('seeds paid orders in the currencies it takes', async () => {
    sandbox = await create__Name__Sandbox();
    const order = await sandbox.seedOrder({ amount: { amount: '10.00', currency: 'USD' } });
    expect(order.amount).toEqual({ amount: '10.00', currency: 'USD' });
    expect((await sandbox.seedDemoOrders()).length).toBeGreaterThan(0);
  });
});
