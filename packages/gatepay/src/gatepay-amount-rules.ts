/**
 * GatePay's documented amount rules: decimal strings with at most 6 decimal places, from 0.0001 to 5,000,000 per
 * transaction. Amounts are never rounded to fit: an amount outside these rules is refused before sending.
 */
export const gatePayAmountRules = {
  maxDecimals: 6,
  min: '0.0001',
  max: '5000000',
} as const;
