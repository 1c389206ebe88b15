/** An asset BonusPay refunds, with the decimals it accepts and the chains it travels on. */
export interface BonusPayAsset {
  /** Fraction digits BonusPay accepts for this asset (its currency precision table). */
  decimals: number;
  /** `chainCode` values this asset can be refunded on. */
  chains: readonly string[];
}

/**
 * BonusPay's documented assets: the precision table (USDT 2, ETH 6, USDC 2, BTC 2) and the allowed asset/chain
 * pairs. Pass `assets` in the settings to replace it if BonusPay lists more for your account.
 */
export const defaultBonusPayAssets: Readonly<Record<string, BonusPayAsset>> = Object.freeze({
  USDT: { decimals: 2, chains: ['TRON', 'ETH', 'POLYGON'] },
  USDC: { decimals: 2, chains: ['TRON', 'ETH', 'POLYGON'] },
  ETH: { decimals: 6, chains: ['ETH'] },
  BTC: { decimals: 2, chains: ['BTC'] },
});

/** Money on BonusPay is Decimal(12,8): at most 12 integer digits and 8 fraction digits, whatever the asset. */
export const bonusPayMoneyLimits = { maxIntegerDigits: 12, maxDecimals: 8 } as const;
