const jsonNumber = /^(-?)(0|[1-9]\d*)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

// Java's BigDecimal.toString writes small values such as 0E-8; nothing legitimate needs more than this.
const maximumExponent = 64;

/**
 * A JSON number's text as a plain decimal string, exactly: '1.50000000' stays as is, '0E-8' (how Java writes a
 * zero of scale 8) becomes '0.00000000', '1.5E+2' becomes '150'. Undefined for anything that is not a JSON
 * number or whose exponent is absurd.
 */
export function readJsonDecimal(text: string): string | undefined {
  const match = jsonNumber.exec(text);
  if (!match) return undefined;
  const [, sign = '', integer = '', fraction = '', exponentText] = match;
  if (exponentText === undefined) return text;
  const exponent = Number(exponentText);
  if (Math.abs(exponent) > maximumExponent) return undefined;
  const digits = integer + fraction;
  const scale = fraction.length - exponent;
  if (scale <= 0) return sign + stripLeadingZeros(digits + '0'.repeat(-scale));
  const padded = digits.padStart(scale + 1, '0');
  const whole = stripLeadingZeros(padded.slice(0, padded.length - scale));
  return `${sign}${whole}.${padded.slice(padded.length - scale)}`;
}

function stripLeadingZeros(digits: string): string {
  return digits.replace(/^0+(?=\d)/, '');
}
