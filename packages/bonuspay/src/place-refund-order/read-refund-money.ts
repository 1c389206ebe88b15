import { type Money, parseAmount, parseMoney, RefundError } from '@refunds/core';
import { type BonusPayAsset, bonusPayMoneyLimits } from '../bonuspay-assets';

/**
 * The refund amount checked against BonusPay's Money (Decimal(12,8), positive) and the asset's own precision,
 * with core's messages (a JavaScript number is refused because it may already have lost digits).
 */
export function readRefundMoney(
  value: unknown,
  label: string,
  assets: Readonly<Record<string, BonusPayAsset>>,
): Money {
  return withBonusPayProvider(() => {
    const money = parseMoney(value, {
      field: label,
      currencies: Object.keys(assets),
      ...bonusPayMoneyLimits,
    });
    const asset = assets[money.currency];
    if (asset === undefined || asset.decimals >= bonusPayMoneyLimits.maxDecimals) return money;
    try {
      return {
        ...money,
        amount: parseAmount(money.amount, { field: `${label}.amount`, maxDecimals: asset.decimals }),
      };
    } catch (error) {
      if (!RefundError.isInstance(error)) throw error;
      throw copyError(
        error,
        `${error.message} (BonusPay's precision for ${money.currency} is ${asset.decimals} decimal places)`,
      );
    }
  });
}

function withBonusPayProvider<Value>(read: () => Value): Value {
  try {
    return read();
  } catch (error) {
    if (RefundError.isInstance(error) && error.provider === undefined) throw copyError(error, error.message);
    throw error;
  }
}

function copyError(error: RefundError, message: string): RefundError {
  return new RefundError({
    code: error.code,
    outcome: error.outcome,
    field: error.field,
    provider: 'bonuspay',
    message,
  });
}
