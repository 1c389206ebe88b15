import type { Money } from '@refunds/core';
import type { BonusPayAsset } from '../bonuspay-assets';
import { type AuthenticatedBizContent, isRecord } from './authenticate-sandbox-request';

export interface SandboxPlaceRefundOrder {
  refundMerchantOrderNo: string;
  originMerchantOrderNo?: string;
  originOrderNo?: string;
  amount: Money;
  notifyUrl?: string;
  operatorName?: string;
  reason?: string;
  chainCode?: string;
  refundAddress?: string;
  reserved?: string;
}

const limits = {
  refundMerchantOrderNo: 64,
  originMerchantOrderNo: 64,
  originOrderNo: 32,
  notifyUrl: 200,
  operatorName: 200,
  reason: 64,
  chainCode: 32,
  refundAddress: 128,
  reserved: 200,
} as const;

const merchantNumber = /^[A-Za-z0-9_-]+$/;
// Decimal(12,8), positive, written as a plain JSON number.
const moneyLiteral = /^(?:0|[1-9]\d{0,11})(?:\.(\d{1,8}))?$/;

/**
 * BonusPay's parameter checks on a placeOrder `bizContent`; undefined means `400 INVALID_PARAMETER`. The amount
 * must be a JSON number (a string amount is refused: whether BonusPay accepts one is unknown, so the sandbox
 * holds clients to numbers).
 */
export function readSandboxPlaceRefundOrder(
  content: AuthenticatedBizContent,
  assets: Readonly<Record<string, BonusPayAsset>>,
): SandboxPlaceRefundOrder | undefined {
  const { plain, exact } = content;
  const text: Partial<Record<keyof typeof limits, string>> = {};
  for (const [field, limit] of Object.entries(limits) as [keyof typeof limits, number][]) {
    const value = plain[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string' || value.length > limit) return undefined;
    text[field] = value;
  }
  const { refundMerchantOrderNo, originMerchantOrderNo, originOrderNo } = text;
  if (refundMerchantOrderNo === undefined || !merchantNumber.test(refundMerchantOrderNo)) return undefined;
  if ((originMerchantOrderNo === undefined) === (originOrderNo === undefined)) return undefined;
  if (originMerchantOrderNo !== undefined && !merchantNumber.test(originMerchantOrderNo)) return undefined;

  const amount = readAmount(plain.amount, exact.amount, assets);
  if (amount === undefined) return undefined;
  if (text.chainCode !== undefined && !assets[amount.currency]?.chains.includes(text.chainCode))
    return undefined;
  return { ...text, refundMerchantOrderNo, amount };
}

function readAmount(
  plain: unknown,
  exact: unknown,
  assets: Readonly<Record<string, BonusPayAsset>>,
): Money | undefined {
  if (!isRecord(plain) || !isRecord(exact) || typeof plain.amount !== 'number') return undefined;
  const { currency } = plain;
  const literal = exact.amount;
  if (typeof currency !== 'string' || typeof literal !== 'string') return undefined;
  const asset = assets[currency];
  const match = moneyLiteral.exec(literal);
  if (asset === undefined || match === null || !/[1-9]/.test(literal)) return undefined;
  const significantDecimals = (match[1] ?? '').replace(/0+$/, '').length;
  if (significantDecimals > asset.decimals) return undefined;
  return { amount: literal, currency };
}
