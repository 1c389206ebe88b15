import { invalidRequest, type RefundRequest } from '@refunds/core';
import type { BitcoinAddressCheck } from '../bitcoin-address/parse-bitcoin-address';

const provider = 'coincorner';

/**
 * The Bitcoin address a refund goes to, checked with its checksum: CoinCorner sends coins there, and coins sent to
 * a mistyped address are gone. `parseBitcoinAddress` is passed in, loaded (loadBitcoinAddressCheck).
 */
export function checkRefundDestination(
  destination: RefundRequest['destination'],
  parseBitcoinAddress: (address: string) => BitcoinAddressCheck,
): string {
  if (typeof destination !== 'object' || destination === null) {
    throw invalidRequest(
      'destination',
      'destination.address is required: CoinCorner refunds to a Bitcoin address',
      provider,
    );
  }
  if (destination.accountId !== undefined) {
    throw invalidRequest(
      'destination.accountId',
      'CoinCorner refunds to a Bitcoin address only: remove destination.accountId',
      provider,
    );
  }
  if (destination.network !== undefined && !/^(btc|bitcoin)$/i.test(String(destination.network))) {
    throw invalidRequest(
      'destination.network',
      'destination.network must be "bitcoin" (or left out): CoinCorner refunds in BTC only',
      provider,
    );
  }
  const { address } = destination;
  if (typeof address !== 'string' || address === '') {
    throw invalidRequest(
      'destination.address',
      'destination.address is required: the Bitcoin address to refund to',
      provider,
    );
  }
  const check = parseBitcoinAddress(address);
  if (!check.valid) {
    throw invalidRequest(
      'destination.address',
      `destination.address ${check.problem}: send a Bitcoin address (mainnet or testnet)`,
      provider,
    );
  }
  return address;
}
