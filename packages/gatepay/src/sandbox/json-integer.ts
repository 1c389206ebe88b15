// A marker JSON.stringify keeps intact (it writes U+0000 as "\u0000"), and that no text the sandbox sends contains.
const marker = '\u0000integer:';
const markedInteger = /"\\u0000integer:(-?\d+)"/g;

/**
 * An integer GatePay's SDKs type as `int`, `int64` or `uint8`, for an answer the sandbox serializes: it goes out as
 * a JSON number written digit for digit, so ids above 2^53 (Gate UIDs, payer ids) keep every digit.
 */
export function jsonInteger(value: string | number | bigint): string {
  const digits = String(value);
  if (!/^-?\d+$/.test(digits)) throw new TypeError(`jsonInteger needs an integer, got ${digits}`);
  return `${marker}${digits}`;
}

/** Writes the integers marked by `jsonInteger` in JSON text as bare numbers. */
export function writeJsonIntegers(json: string): string {
  return json.replace(markedInteger, '$1');
}
