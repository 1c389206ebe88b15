// Copied into an empty project by scripts/install-test.mjs, with the provider's package name filled in.
// Plain JavaScript, as a user writes it after `npm install @refunds/core @refunds/<provider>`.

import plugin from '__PROVIDER_PACKAGE__';
import sandbox from '__PROVIDER_PACKAGE__/sandbox';
import { RefundError } from '@refunds/core';

const running = await sandbox.start({ settleAfterMs: 50 });
try {
  const [order] = await running.seedDemoOrders();
  if (!order) throw new Error('the sandbox seeded no demo order');
  const provider = plugin.create(running.settings);
  const refundId = `install${Date.now()}`;
  const request = {
    refundId,
    orderId: order.orderId,
    amount: order.amount,
    ...(order.destination ? { destination: order.destination } : {}),
    ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
  };

  const refused = await provider.refund({ ...request, amount: { amount: 1, currency: 'USD' } }).then(
    () => undefined,
    (error) => error,
  );
  if (!RefundError.isInstance(refused) || refused.code !== 'invalid_request') {
    throw new Error(`a number amount was not refused as invalid_request: ${refused}`);
  }

  const accepted = await provider.refund(request);
  if (accepted.refundId !== refundId || !['pending', 'succeeded'].includes(accepted.status)) {
    throw new Error(`unexpected refund result ${JSON.stringify(accepted)}`);
  }
  if (provider.capabilities.statusQuery) {
    await running.settleAll();
    const settled = await provider.getRefund({
      refundId,
      orderId: order.orderId,
      ...(accepted.providerRefundId ? { providerRefundId: accepted.providerRefundId } : {}),
    });
    if (settled.status !== 'succeeded') throw new Error(`the refund is ${settled.status} after settling`);
  }
  const executed = running.executedRefunds().filter((record) => record.orderId === order.orderId);
  if (executed.length !== 1) throw new Error(`the sandbox executed ${executed.length} refunds, not 1`);
  console.log(
    `JavaScript: refunded ${accepted.amount.amount} ${accepted.amount.currency} through ${provider.provider}`,
  );
} finally {
  await running.close();
}
