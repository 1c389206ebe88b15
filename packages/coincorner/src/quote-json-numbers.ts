// A JSON string (skipped whole, escapes included) or a number literal outside any string.
const stringOrNumber = /"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*/g;

/**
 * The JSON text with every number literal turned into a string, so `JSON.parse` keeps its exact digits.
 * CoinCorner is .NET: `InvoiceAmount` is a `decimal` sent as a JSON number, which a float would round, and order
 * ids may be long numbers. Invalid JSON stays invalid.
 */
export function quoteJsonNumbers(text: string): string {
  return text.replace(stringOrNumber, (token) => (token.startsWith('"') ? token : `"${token}"`));
}
