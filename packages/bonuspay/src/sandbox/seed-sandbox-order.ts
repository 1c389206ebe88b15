import { type DemoOrder, type Money, parseMoney } from '@refunds/core';
import type { BonusPayAsset } from '../bonuspay-assets';
import { randomSandboxAddress, sandboxDefaultChains } from './sandbox-addresses';
import type { SandboxLedger, SandboxOrderStatus } from './sandbox-ledger';

export interface BonusPaySandboxOrderInput {
  amount: Money;
  /** Default PAID; FAILED and UNPAID orders are refused with 77002 and 77024. */
  status?: SandboxOrderStatus;
  /** The chain it was paid on; null for a payment that is not on chain. Default: the asset's usual chain. */
  chainCode?: string | null;
  merchantOrderNo?: string;
  description?: string;
}

export interface BonusPayDemoOrder extends DemoOrder {
  /** BonusPay's number for the payment (`originOrderNo`). */
  orderNo: string;
}

/** Records a payment the merchant can refund, as BonusPay would know it after checkout. */
export function seedSandboxOrder(
  ledger: SandboxLedger,
  assets: Readonly<Record<string, BonusPayAsset>>,
  input: BonusPaySandboxOrderInput,
): BonusPayDemoOrder {
  const decimals = assets[input.amount?.currency]?.decimals ?? 8;
  const amount = parseMoney(input.amount, { currencies: Object.keys(assets), maxDecimals: decimals });
  const chainCode =
    input.chainCode === null ? undefined : (input.chainCode ?? sandboxDefaultChains[amount.currency]);
  const payerAddress = chainCode === undefined ? undefined : randomSandboxAddress(chainCode);
  const order = ledger.addOrder({
    merchantOrderNo: input.merchantOrderNo ?? `M${ledger.nextNumber()}`,
    orderNo: ledger.nextNumber(),
    amount,
    status: input.status ?? 'PAID',
    ...(chainCode === undefined ? {} : { chainCode, payerAddress }),
  });
  return {
    orderId: order.merchantOrderNo,
    orderNo: order.orderNo,
    amount,
    ...(chainCode && payerAddress ? { destination: { address: payerAddress, network: chainCode } } : {}),
    description:
      input.description ??
      `${amount.amount} ${amount.currency}${chainCode ? ` paid on ${chainCode}` : ''} (${order.status})`,
  };
}

/** Three paid orders for a demo, one per common asset and chain, each described for a person. */
export const sandboxDemoOrders: readonly BonusPaySandboxOrderInput[] = [
  {
    amount: { amount: '25.00', currency: 'USDT' },
    description: 'A hoodie paid with 25.00 USDT on TRON: refund it in full or in part.',
  },
  {
    amount: { amount: '0.050000', currency: 'ETH' },
    description: 'A concert ticket paid with 0.05 ETH on Ethereum: refund it to the payer’s address.',
  },
  {
    amount: { amount: '120.00', currency: 'USDC' },
    description: 'A yearly plan paid with 120.00 USDC on Polygon: try several partial refunds.',
  },
];
