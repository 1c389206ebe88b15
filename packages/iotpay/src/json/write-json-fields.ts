import { stringifyLosslessJson } from '@refunds/core';

/** A field of an IOTPay request: text, or an integer such as an amount in cents. */
export type JsonFieldValue = string | bigint | undefined;

/**
 * Writes a flat JSON object through core's lossless writer: integers digit for digit from a bigint, never through
 * a float, and empty fields left out: IOTPay does not sign them, so sending them would only invite disagreement.
 */
export function writeJsonFields(fields: Readonly<Record<string, JsonFieldValue>>): string {
  return stringifyLosslessJson(fields, { omitEmptyStrings: true });
}
