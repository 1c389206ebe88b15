const numberToken = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The same JSON text with every number token turned into a string holding its exact characters, so that
 * `JSON.parse` keeps digits a float would lose: providers write decimals such as `1.50000000` as JSON numbers,
 * and int64 ids such as `231700000000000001` do not fit in a double. Strings are copied untouched (escapes
 * included); text that is not JSON stays not JSON, so the parser that follows still refuses it.
 */
export function quoteJsonNumbers(text: string): string {
  let output = '';
  let index = 0;
  while (index < text.length) {
    const character = text.charCodeAt(index);
    if (character === 0x22) {
      const end = endOfString(text, index);
      output += text.slice(index, end);
      index = end;
      continue;
    }
    if (character === 0x2d || (character >= 0x30 && character <= 0x39)) {
      numberToken.lastIndex = index;
      const match = numberToken.exec(text);
      if (match) {
        output += `"${match[0]}"`;
        index += match[0].length;
        continue;
      }
    }
    output += text[index];
    index += 1;
  }
  return output;
}

// The index just past the closing quote of the string that opens at `start`, or the end of an unterminated one.
function endOfString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const character = text.charCodeAt(index);
    if (character === 0x5c) index += 2;
    else if (character === 0x22) return index + 1;
    else index += 1;
  }
  return text.length;
}
