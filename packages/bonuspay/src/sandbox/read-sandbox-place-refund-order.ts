import type { Money } from '@refunds/core';
import type { BonusPayAsset } from '../bonuspay-assets';
import {
  type PlaceRefundOrderRequest,
  placeRefundOrderLimits,
} from '../place-refund-order/place-refund-order-options';
import { type AuthenticatedBizContent, isRecord } from './authenticate-sandbox-request';
import type { SandboxParameterProblem } from './sandbox-answers';

/** The request as BonusPay documents it: the protocol's shape, whoever reads it. */
export type SandboxPlaceRefundOrder = PlaceRefundOrderRequest;

// BonusPay's documented String(n) limits: facts of the protocol, shared with the client.
const limits = placeRefundOrderLimits;

const merchantNumber = /^[A-Za-z0-9_-]+$/;
// Decimal(12,8), positive, written as a plain JSON number.
const moneyLiteral = /^(?:0|[1-9]\d{0,11})(?:\.(\d{1,8}))?$/;

const problem = (field: string, rule: string): { problem: SandboxParameterProblem } => ({
  problem: { field, rule },
});

/**
 * BonusPay's parameter checks on a placeOrder `bizContent`: the request, or the problem that makes it
 * `400 INVALID_PARAMETER`, naming the field so that the merchant can act. The amount must be a JSON number (a
 * string amount is refused: whether BonusPay accepts one is unknown, so the sandbox holds clients to numbers).
 */
export function readSandboxPlaceRefundOrder(
  content: AuthenticatedBizContent,
  assets: Readonly<Record<string, BonusPayAsset>>,
): { request: SandboxPlaceRefundOrder } | { problem: SandboxParameterProblem } {
  const { plain, exact } = content;
  const text: Partial<Record<keyof typeof limits, string>> = {};
  for (const [field, limit] of Object.entries(limits) as [keyof typeof limits, number][]) {
    const value = plain[field];
    if (value === undefined || value === null || value === '') continue;
    if (typeof value !== 'string') return problem(field, 'must be a string');
    if (value.length > limit) return problem(field, `must be at most ${limit} characters (String(${limit}))`);
    text[field] = value;
  }
  const { refundMerchantOrderNo, originMerchantOrderNo, originOrderNo } = text;
  if (refundMerchantOrderNo === undefined) return problem('refundMerchantOrderNo', 'is required');
  if (!merchantNumber.test(refundMerchantOrderNo)) {
    return problem('refundMerchantOrderNo', 'may contain only letters, digits, "-" and "_"');
  }
  if ((originMerchantOrderNo === undefined) === (originOrderNo === undefined)) {
    return problem(
      'originMerchantOrderNo',
      `give exactly one of originMerchantOrderNo and originOrderNo, not ${originOrderNo === undefined ? 'neither' : 'both'}`,
    );
  }
  if (originMerchantOrderNo !== undefined && !merchantNumber.test(originMerchantOrderNo)) {
    return problem('originMerchantOrderNo', 'may contain only letters, digits, "-" and "_"');
  }

  const amount = readAmount(plain.amount, exact.amount, assets);
  if ('problem' in amount) return amount;
  const chains = assets[amount.money.currency]?.chains ?? [];
  if (text.chainCode !== undefined && !chains.includes(text.chainCode)) {
    return problem(
      'chainCode',
      `${text.chainCode} cannot carry ${amount.money.currency}; use one of ${chains.join(', ') || 'none'}`,
    );
  }
  return { request: { ...text, refundMerchantOrderNo, amount: amount.money } };
}

function readAmount(
  plain: unknown,
  exact: unknown,
  assets: Readonly<Record<string, BonusPayAsset>>,
): { money: Money } | { problem: SandboxParameterProblem } {
  if (!isRecord(plain) || !isRecord(exact)) {
    return problem('amount', 'is required: {"currency":"USDT","amount":1.5}');
  }
  const { currency } = plain;
  if (typeof currency !== 'string' || assets[currency] === undefined) {
    return problem('amount.currency', `must be one of ${Object.keys(assets).join(', ')}`);
  }
  const literal = exact.amount;
  if (typeof plain.amount !== 'number' || typeof literal !== 'string') {
    return problem('amount.amount', 'must be a JSON number such as 1.5');
  }
  const match = moneyLiteral.exec(literal);
  if (match === null || !/[1-9]/.test(literal)) {
    return problem('amount.amount', 'must be a positive Decimal(12,8) written without an exponent');
  }
  const decimals = assets[currency]?.decimals ?? 8;
  const significantDecimals = (match[1] ?? '').replace(/0+$/, '').length;
  if (significantDecimals > decimals) {
    return problem('amount.amount', `${currency} takes at most ${decimals} decimal places`);
  }
  return { money: { amount: literal, currency } };
}
