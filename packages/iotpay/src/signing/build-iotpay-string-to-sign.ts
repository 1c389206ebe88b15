/**
 * A value IOTPay can sign. Nested objects are not: PHP renders them `Array` and Java as JSON, so IOTPay's own
 * `extra` field is always a JSON string.
 */
export type IotPaySignableValue = string | number | bigint | boolean | null | undefined;

/**
 * The exact text IOTPay signs: every field but `sign` whose value is not empty (`undefined`, `null` or `''`;
 * `0` is kept), sorted by key in code-unit order, written `k=v` and joined with `&`, then `&key=<merchantKey>`.
 * For every field of the refund and query APIs this order is the one XxPay's case-insensitive sort and PHP's
 * natural `ksort` give too.
 */
export function buildIotPayStringToSign(
  fields: Readonly<Record<string, IotPaySignableValue>>,
  merchantKey: string,
): string {
  // One pass, no intermediate arrays: this runs for every request and every answer, and building the text cost
  // as much as the MD5 over it.
  let text = '';
  for (const name of Object.keys(fields).sort()) {
    const value = fields[name];
    if (name === 'sign' || isEmpty(value)) continue;
    text += `${name}=${textOf(name, value)}&`;
  }
  return `${text}key=${merchantKey}`;
}

function isEmpty(value: IotPaySignableValue): boolean {
  return value === undefined || value === null || value === '';
}

function textOf(name: string, value: IotPaySignableValue): string {
  // A fractional or unsafe number prints differently in JavaScript and Java: amounts travel as bigint cents.
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new TypeError(`IOTPay field ${name} must be an integer or a string to be signed, got ${value}`);
  }
  return String(value);
}
