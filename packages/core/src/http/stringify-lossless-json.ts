import { JsonNumberLiteral } from './json-number-literal';

export type LosslessJsonValue =
  | string
  | boolean
  | null
  | number
  | bigint
  | JsonNumberLiteral
  | readonly LosslessJsonValue[]
  | { readonly [key: string]: LosslessJsonValue | undefined };

export interface StringifyLosslessJsonOptions {
  /** Leave out members whose value is `''`, for providers that do not sign empty fields. Default false. */
  omitEmptyStrings?: boolean;
}

/**
 * Compact JSON text, the writer beside `quoteJsonNumbers` (the reader): keys in insertion order, `undefined`
 * members left out, and no number ever passed through a float. A bigint or a `JsonNumberLiteral` is written
 * digit for digit; a JavaScript number only as a safe integer (a timestamp, a small enum), anything else throws
 * so that money cannot lose digits by mistake.
 */
export function stringifyLosslessJson(
  value: LosslessJsonValue,
  options: StringifyLosslessJsonOptions = {},
): string {
  if (value instanceof JsonNumberLiteral) return value.text;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(
        `Only safe integers are written as JavaScript numbers; got ${value}. Pass a JsonNumberLiteral or a bigint.`,
      );
    }
    return String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) {
    return `[${value.map((item: LosslessJsonValue) => stringifyLosslessJson(item, options)).join(',')}]`;
  }
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member === undefined || (options.omitEmptyStrings === true && member === '')) continue;
    members.push(`${JSON.stringify(key)}:${stringifyLosslessJson(member, options)}`);
  }
  return `{${members.join(',')}}`;
}
