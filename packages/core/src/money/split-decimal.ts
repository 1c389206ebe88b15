import { explainInvalidAmount } from './explain-invalid-amount';
import { invalidAmount } from './invalid-amount';

/** A decimal string taken apart. `integer` has no redundant leading zeros; `fraction` is kept as written. */
export interface DecimalParts {
  negative: boolean;
  integer: string;
  fraction: string;
}

const signedDecimal = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Reads a plain decimal string with an optional leading '-'. The sign is allowed here, unlike in `parseAmount`,
 * because differences of amounts are legitimately negative and must flow back into the arithmetic.
 */
export function splitDecimal(value: unknown, field = 'amount'): DecimalParts {
  const match = typeof value === 'string' ? signedDecimal.exec(value) : null;
  if (match === null) throw invalidAmount(field, explainInvalidAmount(value, field, true));
  const [, sign = '', integer = '', fraction = ''] = match;
  return { negative: sign === '-', integer: integer.replace(/^0+(?=\d)/, ''), fraction };
}
