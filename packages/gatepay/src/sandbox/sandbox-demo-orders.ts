import type { SeedOrderInput } from './create-sandbox-ledger';

/** Three paid orders for the host's demo mode, one per kind of refund people meet first. */
export const sandboxDemoOrders: readonly SeedOrderInput[] = [
  {
    amount: { amount: '25.00', currency: 'USDT' },
    kind: 'checkout',
    description:
      'Web checkout: a 25 USDT hoodie paid in the Gate app. Refund it in full or in parts (V2 refund).',
  },
  {
    amount: { amount: '0.0125', currency: 'BTC' },
    kind: 'checkout',
    description:
      'App payment: 0.0125 BTC for a year of hosting. Refunds go back along the original payment path.',
  },
  {
    amount: { amount: '150', currency: 'USDT' },
    payAmount: { amount: '0.0021', currency: 'BTC' },
    kind: 'convert',
    description:
      'Address payment priced at 150 USDT and paid in BTC (converted). Refunded through refundconvert to the payer Gate UID.',
  },
];
