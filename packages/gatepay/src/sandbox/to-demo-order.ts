import type { DemoOrder } from '@refunds/core';
import type { SandboxOrder } from './create-sandbox-ledger';

/** An order as a caller refunds it: address and convert orders need a Gate UID and their endpoint. */
export function toDemoOrder(order: SandboxOrder): DemoOrder {
  const demo: DemoOrder = {
    orderId: order.prepayId,
    amount: { amount: order.amount, currency: order.currency },
    description: order.description,
  };
  if (order.kind === 'address') {
    return {
      ...demo,
      destination: { accountId: order.payerGateUid },
      providerOptions: { endpoint: 'address' },
    };
  }
  if (order.kind === 'convert') {
    return {
      ...demo,
      destination: { accountId: order.payerGateUid },
      providerOptions: { endpoint: 'convert', refundPayCurrency: order.payCurrency },
    };
  }
  return demo;
}
