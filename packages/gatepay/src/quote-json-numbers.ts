const numberLiteral = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The JSON text with every number literal turned into a string of its exact digits, so that `JSON.parse` keeps
 * them. GatePay sends some int64 ids (`bizId`, `refund_to_gate_uid`, `receiverId`) as JSON numbers, and
 * `JSON.parse` would round any above 2^53 to a different id. Schemas then accept a string where a number may come.
 */
export function quoteJsonNumbers(text: string): string {
  let output = '';
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (character === '"') {
      index++;
      while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
      index++;
      continue;
    }
    if (character === '-' || (character !== undefined && character >= '0' && character <= '9')) {
      numberLiteral.lastIndex = index;
      const match = numberLiteral.exec(text);
      if (match) {
        output += `${text.slice(copiedUpTo, index)}"${match[0]}"`;
        index += match[0].length;
        copiedUpTo = index;
        continue;
      }
    }
    index++;
  }
  return output + text.slice(copiedUpTo);
}
