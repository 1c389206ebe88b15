import { invalidRequest } from '@refunds/core';
import type { BonusPayAsset } from '../bonuspay-assets';
import { bonusPayChainAddressPatterns } from '../bonuspay-chains';
import { readTextField } from '../read-text-field';
import { placeRefundOrderLimits } from './place-refund-order-options';

/**
 * `chainCode` and `refundAddress` for a chain payment: both or neither, a chain that can carry the asset, and an
 * address shaped for that chain.
 */
export function readRefundDestination(
  input: { chainCode: unknown; refundAddress: unknown; currency: string },
  labels: { chainCode: string; refundAddress: string },
  assets: Readonly<Record<string, BonusPayAsset>>,
): { chainCode?: string; refundAddress?: string } {
  const chainCode = readTextField(input.chainCode, {
    label: labels.chainCode,
    providerField: 'chainCode',
    maxLength: placeRefundOrderLimits.chainCode,
  });
  const refundAddress = readTextField(input.refundAddress, {
    label: labels.refundAddress,
    providerField: 'refundAddress',
    maxLength: placeRefundOrderLimits.refundAddress,
  });
  if (chainCode === undefined && refundAddress === undefined) return {};
  if (chainCode === undefined || refundAddress === undefined) {
    const missing = chainCode === undefined ? labels.chainCode : labels.refundAddress;
    const given = chainCode === undefined ? labels.refundAddress : labels.chainCode;
    throw invalidRequest(
      missing,
      `${missing} is required with ${given}: BonusPay needs both chainCode and refundAddress for a chain payment.`,
      'bonuspay',
    );
  }

  const chains = assets[input.currency]?.chains ?? [];
  if (!chains.includes(chainCode)) {
    const upper = chainCode.toUpperCase();
    const hint = chains.includes(upper)
      ? `: write it in capitals, "${upper}"`
      : `: use one of ${chains.join(', ')}`;
    throw invalidRequest(
      labels.chainCode,
      `${labels.chainCode} "${chainCode}" cannot carry ${input.currency} on BonusPay${hint}.`,
      'bonuspay',
    );
  }
  const pattern = bonusPayChainAddressPatterns[chainCode];
  if (pattern !== undefined && !pattern.test(refundAddress)) {
    throw invalidRequest(
      labels.refundAddress,
      `${labels.refundAddress} is not a valid ${chainCode} address (got ${JSON.stringify(refundAddress.slice(0, 40))}): a refund sent there could not be recovered, check it.`,
      'bonuspay',
    );
  }
  return { chainCode, refundAddress };
}
