/**
 * Limits CoinCorner does not publish ([UNK] in the protocol reference): conservative values that every known
 * integration stays within. Amount decimals are a setting (`amountMaxDecimals`).
 */
export const coincornerLimits = Object.freeze({
  /** Shop order ids in every plugin are short; the field is an unbounded .NET string. */
  orderIdMaxLength: 100,
  /** Never sent to CoinCorner; bounded so that a ledger key stays sane. */
  refundIdMaxLength: 255,
  /** .NET decimal holds 28 to 29 significant digits; 20 before the point leaves room for 8 after. */
  amountMaxIntegerDigits: 20,
  defaultAmountMaxDecimals: 8,
  /** What CoinCorner's own C# refund example sends. */
  defaultRefundType: 1,
});
