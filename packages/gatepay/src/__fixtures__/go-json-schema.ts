import * as v from 'valibot';
import { type JsonNumber, jsonNumberKey } from './parse-json-keeping-numbers';

/**
 * Valibot schemas that accept exactly what Go's `encoding/json` decodes into a field of each Go type, over a tree
 * parsed by `parseJsonKeepingNumbers`. Go leaves a field untouched for `null` or a missing key, ignores unknown
 * keys, and refuses a JSON string for an integer (`cannot unmarshal string into ... of type uint8`), a JSON number
 * for a string, and an integer out of its type's range.
 */
export type GoType = v.GenericSchema;

const jsonNumber = (message: string) =>
  v.object({ [jsonNumberKey]: v.string() }, message) as v.GenericSchema<unknown, JsonNumber>;

function goInteger(name: string, minimum: bigint, maximum: bigint): GoType {
  return v.nullable(
    v.pipe(
      jsonNumber(`must be a JSON number (Go ${name})`),
      v.check((value) => {
        const digits = value[jsonNumberKey];
        return /^-?\d+$/.test(digits) && BigInt(digits) >= minimum && BigInt(digits) <= maximum;
      }, `must be a JSON number that fits a Go ${name}`),
    ),
  );
}

export const goString: GoType = v.nullable(v.string('must be a JSON string (Go string)'));
export const goInt64: GoType = goInteger('int64', -(2n ** 63n), 2n ** 63n - 1n);
/** Go's `int` is 64 bits on every platform GatePay's SDK targets. */
export const goInt: GoType = goInt64;
export const goUint8: GoType = goInteger('uint8', 0n, 255n);
/** shopspring `decimal.Decimal`: a quoted decimal or a bare JSON number. */
export const goDecimal: GoType = v.nullable(
  v.union(
    [v.pipe(v.string(), v.regex(/^-?\d+(\.\d+)?$/)), jsonNumber('must be a JSON number')],
    'must be a decimal string or number (decimal.Decimal)',
  ),
);
/** `interface{}` and `json.RawMessage`: anything. */
export const goAny: GoType = v.unknown();

export function goSlice(element: GoType): GoType {
  return v.nullable(v.array(element));
}

/** A Go struct: its fields by JSON name; each may be absent, and keys it does not declare are ignored. */
export function goStruct(fields: Record<string, GoType>): GoType & { fields: Record<string, GoType> } {
  const schema = v.nullable(
    v.looseObject(Object.fromEntries(Object.entries(fields).map(([key, type]) => [key, v.optional(type)]))),
  );
  return Object.assign(schema, { fields });
}
