import { splitDecimal } from './split-decimal';

/** The exact value `units / 10^scale`, the form all arithmetic here is done in. */
export interface ScaledDecimal {
  units: bigint;
  scale: number;
}

/** Reads a plain decimal string (optionally negative) into an exact scaled integer. */
export function parseScaledDecimal(value: unknown, field = 'amount'): ScaledDecimal {
  const { negative, integer, fraction } = splitDecimal(value, field);
  const magnitude = BigInt(integer + fraction);
  return { units: negative ? -magnitude : magnitude, scale: fraction.length };
}
