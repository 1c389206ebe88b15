import type { ScaledDecimal } from './parse-scaled-decimal';

/** Both values as integers over one common scale, so they can be compared, added and subtracted exactly. */
export function alignScales(
  left: ScaledDecimal,
  right: ScaledDecimal,
): { left: bigint; right: bigint; scale: number } {
  const scale = Math.max(left.scale, right.scale);
  return {
    left: left.units * 10n ** BigInt(scale - left.scale),
    right: right.units * 10n ** BigInt(scale - right.scale),
    scale,
  };
}
