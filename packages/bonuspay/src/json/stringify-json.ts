import { JsonNumberLiteral } from './json-number-literal';

export type JsonValue =
  | string
  | boolean
  | null
  | number
  | JsonNumberLiteral
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

/**
 * Compact JSON text, keys in insertion order, `undefined` members left out (BonusPay ignores empty parameters,
 * so unused optional fields are not sent at all). Differs from `JSON.stringify` in what it refuses: a
 * JavaScript number is accepted only as a safe integer (a timestamp); money goes in as a `JsonNumberLiteral`.
 */
export function stringifyJson(value: JsonValue): string {
  if (value instanceof JsonNumberLiteral) return value.text;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) {
      throw new TypeError(
        `Only safe integers are written as JavaScript numbers; got ${value}. Use a JsonNumberLiteral.`,
      );
    }
    return String(value);
  }
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item: JsonValue) => stringifyJson(item)).join(',')}]`;
  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${stringifyJson(member)}`);
  }
  return `{${members.join(',')}}`;
}
