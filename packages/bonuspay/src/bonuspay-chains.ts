/**
 * Address shapes of the chains BonusPay documents (`chainCode`). A refund sent to a malformed address is money
 * nobody can recover, so an address that cannot belong to the chain is refused before anything is sent.
 * Chains added through the `assets` setting have no pattern and are checked for length only.
 */
export const bonusPayChainAddressPatterns: Readonly<Record<string, RegExp>> = Object.freeze({
  TRON: /^T[1-9A-HJ-NP-Za-km-z]{33}$/,
  ETH: /^0x[0-9a-fA-F]{40}$/,
  POLYGON: /^0x[0-9a-fA-F]{40}$/,
  // Legacy and P2SH (1/3, testnet m/n/2) or bech32 (bc1, tb1).
  BTC: /^(?:[123mn][1-9A-HJ-NP-Za-km-z]{25,34}|(?:bc1|tb1)[02-9ac-hj-np-z]{8,87})$/,
});
