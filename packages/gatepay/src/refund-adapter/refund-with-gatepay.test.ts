import type { RefundRequest } from '@refunds/core';
import { refundErrorOf as refusal } from '@refunds/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGatePay } from '../create-gatepay';
import { createGatePaySandbox, type GatePaySandbox } from '../sandbox/create-gatepay-sandbox';

let sandbox: GatePaySandbox;
beforeAll(async () => {
  sandbox = await createGatePaySandbox({ settleAfterMs: 60_000 });
});
afterAll(() => sandbox.close());

/** An order paid in BTC and credited as 150 USDT: refunded through refundconvert, in either currency. */
const seedConvertOrder = () =>
  sandbox.seedOrder({
    amount: { amount: '150', currency: 'USDT' },
    payAmount: { amount: '0.0021', currency: 'BTC' },
    kind: 'convert',
  });

const refundsOf = (orderId: string) =>
  sandbox.executedRefunds().filter((record) => record.orderId === orderId);

describe('refund against the sandbox', () => {
  it('resolves a refund that timed out after GatePay committed through getRefund, without resending it', async () => {
    const provider = createGatePay(sandbox.settings);
    const impatient = createGatePay({ ...sandbox.settings, timeoutMs: 150 });
    const order = await sandbox.seedOrder({ amount: { amount: '20', currency: 'USDT' } });
    sandbox.injectFault({ fault: { kind: 'latency', ms: 600 }, path: '/v2/standard/order/refund' });
    const request: RefundRequest = {
      refundId: 'late-1',
      orderId: order.orderId,
      amount: { amount: '5', currency: 'USDT' },
    };
    const error = await refusal(impatient.refund(request));
    expect(error).toMatchObject({ code: 'timeout', outcome: 'unknown', retryable: false });
    expect(error.message).toMatch(/getRefund/);
    expect(refundsOf(order.orderId)).toHaveLength(1);
    expect(await provider.getRefund({ refundId: 'late-1' })).toMatchObject({
      status: 'pending',
      amount: { amount: '5' },
    });
    await sandbox.settleAll();
    expect(await provider.getRefund({ refundId: 'late-1' })).toMatchObject({ status: 'succeeded' });
    const sent = sandbox.requests.filter(
      (recorded) => recorded.path === '/v2/standard/order/refund' && recorded.text.includes('late-1'),
    );
    expect(sent).toHaveLength(1);
  });

  it('leaves a refund whose connection dropped after commit unknown, and sends it once', async () => {
    const provider = createGatePay(sandbox.settings);
    const order = await sandbox.seedOrder({ amount: { amount: '20', currency: 'USDT' } });
    sandbox.injectFault({ fault: { kind: 'reset-after-commit' }, path: '/v2/standard/order/refund' });
    const error = await refusal(
      provider.refund({
        refundId: 'reset-1',
        orderId: order.orderId,
        amount: { amount: '5', currency: 'USDT' },
      }),
    );
    expect(error).toMatchObject({ code: 'network', outcome: 'unknown' });
    expect(refundsOf(order.orderId)).toHaveLength(1);
    expect(await provider.getRefund({ refundId: 'reset-1' })).toMatchObject({
      refundId: 'reset-1',
      status: 'pending',
    });
  });

  it('leaves a refund whose connection dropped before GatePay acted unknown; getRefund then finds none', async () => {
    const provider = createGatePay(sandbox.settings);
    const order = await sandbox.seedOrder({ amount: { amount: '20', currency: 'USDT' } });
    sandbox.injectFault({ fault: { kind: 'reset-before-commit' }, path: '/v2/standard/order/refund' });
    const request = {
      refundId: 'early-1',
      orderId: order.orderId,
      amount: { amount: '5', currency: 'USDT' },
    };
    // From the client's side a dropped connection cannot tell before from after: unknown, never resent.
    expect(await refusal(provider.refund(request))).toMatchObject({ outcome: 'unknown' });
    expect(refundsOf(order.orderId)).toHaveLength(0);
    expect(await refusal(provider.getRefund({ refundId: 'early-1' }))).toMatchObject({ code: 'not_found' });
  });

  it('refunds a direct address order through the address endpoint to the payer Gate UID', async () => {
    const provider = createGatePay(sandbox.settings);
    const order = await sandbox.seedOrder({ amount: { amount: '14.9', currency: 'USDT' }, kind: 'address' });
    expect(order.providerOptions).toEqual({ endpoint: 'address' });
    const result = await provider.refund({
      refundId: 'addr-1',
      orderId: order.orderId,
      amount: { amount: '4.9', currency: 'USDT' },
      destination: order.destination,
      providerOptions: order.providerOptions,
    });
    expect(result).toMatchObject({ status: 'pending', amount: { amount: '4.9' } });
    const sent = sandbox.requests.at(-1);
    expect(sent?.path).toBe('/v1/pay/address/refund');
    expect(sent?.text).toContain(`"receiverId":${order.destination?.accountId}}`);
  });

  it('refunds a convert order through refundconvert, and refuses a direct order there with 500208', async () => {
    const provider = createGatePay(sandbox.settings);
    const order = await seedConvertOrder();
    const result = await provider.refund({
      refundId: 'conv-1',
      orderId: order.orderId,
      amount: { amount: '50', currency: 'USDT' },
      destination: order.destination,
      providerOptions: { ...order.providerOptions, refundPayAmount: '0.0007' },
    });
    expect(result).toMatchObject({ status: 'pending', amount: { amount: '50', currency: 'USDT' } });
    expect(sandbox.requests.at(-1)?.path).toBe('/v1/pay/address/refundconvert');

    const direct = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' }, kind: 'address' });
    const error = await refusal(
      provider.refund({
        refundId: 'conv-2',
        orderId: direct.orderId,
        amount: { amount: '1', currency: 'USDT' },
        destination: direct.destination,
        providerOptions: { endpoint: 'convert', refundPayCurrency: 'USDT' },
      }),
    );
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'rejected', providerCode: '500208' });
  });

  it('refuses a convert refund in the wrong currency with 500205, and one beyond the pay amount with 500206', async () => {
    const provider = createGatePay(sandbox.settings);
    const order = await seedConvertOrder();
    const base = { orderId: order.orderId, destination: order.destination };
    expect(
      await refusal(
        provider.refund({
          ...base,
          refundId: 'cc-1',
          amount: { amount: '1', currency: 'USDC' },
          providerOptions: { endpoint: 'convert', refundPayCurrency: 'BTC' },
        }),
      ),
    ).toMatchObject({ providerCode: '500205' });
    expect(
      await refusal(
        provider.refund({
          ...base,
          refundId: 'cc-2',
          amount: { amount: '1', currency: 'USDT' },
          providerOptions: { endpoint: 'convert', refundPayCurrency: 'BTC', refundPayAmount: '0.01' },
        }),
      ),
    ).toMatchObject({ code: 'declined', providerCode: '500206' });
  });

  it('refunds to a Web3 address on a supported chain, and refuses an unsupported chain', async () => {
    const provider = createGatePay(sandbox.settings);
    const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' } });
    const base = { orderId: order.orderId, amount: { amount: '1', currency: 'USDT' } };
    await expect(
      provider.refund({ ...base, refundId: 'w3-1', destination: { address: 'TXyzAbc', network: 'TRX' } }),
    ).resolves.toMatchObject({ status: 'pending' });
    const details = await provider.getRefund({ refundId: 'w3-1' });
    expect(details.raw).toMatchObject({
      data: { refund_style: '2', refund_pay_channel: '2', refund_chain: 'TRX' },
    });
    expect(
      await refusal(
        provider.refund({ ...base, refundId: 'w3-2', destination: { address: 'bc1q', network: 'BTC' } }),
      ),
    ).toMatchObject({ code: 'invalid_request', providerCode: '400001' });
  });

  it('sends institution refunds under the institution prefix with X-GatePay-On-Behalf-Of', async () => {
    const provider = createGatePay({ ...sandbox.settings, onBehalfOf: 'sub-42' });
    const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' } });
    await provider.refund({
      refundId: 'inst-1',
      orderId: order.orderId,
      amount: { amount: '1', currency: 'USDT' },
    });
    const sent = sandbox.requests.at(-1);
    expect(sent?.path).toBe('/payment/open/institution/v2/standard/order/refund');
    expect(sent?.headers.get('x-gatepay-on-behalf-of')).toBe('sub-42');
    expect(await provider.getRefund({ refundId: 'inst-1' })).toMatchObject({ status: 'pending' });
    expect(sandbox.requests.at(-1)?.path).toBe('/payment/open/institution/v2/pay/refund/details');
  });

  it('refuses a reused refund id with other parameters, and refunds an unpaid order never', async () => {
    const provider = createGatePay(sandbox.settings);
    const order = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' } });
    const request = { refundId: 'dup-1', orderId: order.orderId, amount: { amount: '1', currency: 'USDT' } };
    await provider.refund(request);
    expect(
      await refusal(provider.refund({ ...request, amount: { amount: '2', currency: 'USDT' } })),
    ).toMatchObject({
      code: 'invalid_request',
      providerCode: '400001',
      outcome: 'rejected',
    });
    expect(refundsOf(order.orderId)).toHaveLength(1);
    const unpaid = await sandbox.seedOrder({ amount: { amount: '10', currency: 'USDT' }, status: 'UNPAID' });
    expect(
      await refusal(provider.refund({ ...request, refundId: 'unpaid-1', orderId: unpaid.orderId })),
    ).toMatchObject({
      code: 'declined',
      providerCode: '400204',
    });
  });
});
