/** The key a JSON number is wrapped under by `parseJsonKeepingNumbers`; no JSON text GatePay sends uses it. */
export const jsonNumberKey = '\u0000number';

export type JsonNumber = { [jsonNumberKey]: string };

const numberToken = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * `JSON.parse`, except that every number becomes `{ "\u0000number": "<its exact text>" }`: a Go decoder tells a
 * JSON number from a JSON string, and so must a test that checks answers against Go types, and `JSON.parse` alone
 * would lose the digits of an int64 above 2^53.
 */
export function parseJsonKeepingNumbers(text: string): unknown {
  let output = '';
  let index = 0;
  while (index < text.length) {
    const character = text[index];
    if (character === '"') {
      const end = endOfString(text, index);
      output += text.slice(index, end);
      index = end;
      continue;
    }
    if (character === '-' || (character !== undefined && character >= '0' && character <= '9')) {
      numberToken.lastIndex = index;
      const match = numberToken.exec(text);
      if (match) {
        output += `{${JSON.stringify(jsonNumberKey)}:${JSON.stringify(match[0])}}`;
        index += match[0].length;
        continue;
      }
    }
    output += character;
    index += 1;
  }
  return JSON.parse(output);
}

function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    if (text[index] === '\\') index += 2;
    else if (text[index] === '"') return index + 1;
    else index += 1;
  }
  return index;
}
