/** Chains a Web3 refund of each currency may use, for `/v2/refund/support/chains` and `refundChain` checks. */
export const sandboxChains: Readonly<Record<string, readonly string[]>> = {
  USDT: ['ETH', 'TRX', 'BSC', 'SOL'],
  USDC: ['ETH', 'BSC', 'SOL'],
  BTC: ['BTC'],
  ETH: ['ETH', 'ARBEVM'],
  GT: ['GTEVM'],
};
