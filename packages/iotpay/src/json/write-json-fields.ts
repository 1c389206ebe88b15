/** A field of an IOTPay request: text, or an integer such as an amount in cents. */
export type JsonFieldValue = string | bigint | undefined;

/**
 * Writes a flat JSON object. Integers are written as JSON numbers from a bigint, never through a float, and
 * empty fields are left out: IOTPay does not sign them, so sending them would only invite disagreement.
 */
export function writeJsonFields(fields: Readonly<Record<string, JsonFieldValue>>): string {
  const members = Object.entries(fields)
    .filter((entry): entry is [string, string | bigint] => entry[1] !== undefined && entry[1] !== '')
    .map(
      ([name, value]) =>
        `${JSON.stringify(name)}:${typeof value === 'bigint' ? value.toString() : JSON.stringify(value)}`,
    );
  return `{${members.join(',')}}`;
}
