// Copied into an empty project by scripts/install-test.mjs, with the provider's package name filled in, then
// type-checked (strict, node16 and bundler resolution, our declarations included) and run with tsx.

import plugin from '__PROVIDER_PACKAGE__';
import sandbox from '__PROVIDER_PACKAGE__/sandbox';
import { RefundError, type RefundRequest, type RefundResult } from '@refunds/core';

const running = await sandbox.start({ settleAfterMs: 50 });
try {
  const [order] = await running.seedDemoOrders();
  if (!order) throw new Error('the sandbox seeded no demo order');
  // The sandbox hands out plain settings; the plugin's own type says what they become.
  const provider = plugin.create(running.settings as Parameters<typeof plugin.create>[0]);
  const refundId = `install${Date.now()}`;
  const request: RefundRequest = {
    refundId,
    orderId: order.orderId,
    amount: order.amount,
    ...(order.destination ? { destination: order.destination } : {}),
    ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
  };

  // This line fails the type check if the declarations ever degrade to `any`: a number is not an amount.
  // @ts-expect-error amounts are decimal strings
  const numberAmount: RefundRequest = { ...request, amount: { amount: 1, currency: 'USD' } };
  const refused = await provider.refund(numberAmount).then(
    () => undefined,
    (error: unknown) => error,
  );
  if (!RefundError.isInstance(refused) || refused.code !== 'invalid_request') {
    throw new Error(`a number amount was not refused as invalid_request: ${String(refused)}`);
  }

  const accepted: RefundResult = await provider.refund(request);
  if (accepted.refundId !== refundId || !['pending', 'succeeded'].includes(accepted.status)) {
    throw new Error(`unexpected refund result ${JSON.stringify(accepted)}`);
  }
  if (provider.capabilities.statusQuery) {
    await running.settleAll();
    const settled: RefundResult = await provider.getRefund({
      refundId,
      orderId: order.orderId,
      ...(accepted.providerRefundId ? { providerRefundId: accepted.providerRefundId } : {}),
    });
    if (settled.status !== 'succeeded') throw new Error(`the refund is ${settled.status} after settling`);
  }
  const executed = running.executedRefunds().filter((record) => record.orderId === order.orderId);
  if (executed.length !== 1) throw new Error(`the sandbox executed ${executed.length} refunds, not 1`);
  console.log(
    `TypeScript: refunded ${accepted.amount.amount} ${accepted.amount.currency} through ${provider.provider}`,
  );
} finally {
  await running.close();
}
