export interface JsonFields {
  /** Each top-level member; numbers are kept as the exact text received, so no id or amount loses a digit. */
  values: Record<string, unknown>;
  /** Each top-level member as IOTPay signs it: the text its server would print, `null` for JSON null. */
  signable: Record<string, string | null>;
}

/**
 * Reads the top level of a JSON object without passing numbers through a float. IOTPay signs `String(value)` of
 * what it sent, so an id above 2^53 or an amount written `1.0` must be verified as written, not as JavaScript
 * would print it back. Throws a SyntaxError when the text is not a JSON object.
 */
export function readJsonFields(text: string): JsonFields {
  // Parsing once up front rejects any malformed text, so the scan below can trust the shape it walks.
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new SyntaxError('expected a JSON object');
  }
  const values: Record<string, unknown> = {};
  const signable: Record<string, string | null> = {};
  let index = skipWhitespace(text, text.indexOf('{') + 1);
  while (text[index] === '"') {
    const nameEnd = endOfString(text, index);
    const name = JSON.parse(text.slice(index, nameEnd)) as string;
    const valueStart = skipWhitespace(text, skipWhitespace(text, nameEnd) + 1);
    const valueEnd = endOfValue(text, valueStart);
    const raw = text.slice(valueStart, valueEnd);
    const isNumber = /^-?\d/.test(raw);
    define(values, name, isNumber ? raw : JSON.parse(raw));
    define(signable, name, raw === 'null' ? null : raw.startsWith('"') ? (JSON.parse(raw) as string) : raw);
    index = skipWhitespace(text, valueEnd);
    if (text[index] === ',') index = skipWhitespace(text, index + 1);
  }
  return { values, signable };
}

// A member named `__proto__` must become a field, not the object's prototype.
function define(target: Record<string, unknown>, name: string, value: unknown): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function skipWhitespace(text: string, index: number): number {
  let position = index;
  while (position < text.length && ' \t\n\r'.includes(text.charAt(position))) position++;
  return position;
}

function endOfString(text: string, start: number): number {
  let position = start + 1;
  while (position < text.length && text[position] !== '"') position += text[position] === '\\' ? 2 : 1;
  return position + 1;
}

function endOfValue(text: string, start: number): number {
  const first = text[start];
  if (first === '"') return endOfString(text, start);
  if (first !== '{' && first !== '[') {
    let position = start;
    while (position < text.length && !',}] \t\n\r'.includes(text.charAt(position))) position++;
    return position;
  }
  let depth = 0;
  let position = start;
  do {
    const character = text[position];
    if (character === '"') {
      position = endOfString(text, position);
      continue;
    }
    if (character === '{' || character === '[') depth++;
    if (character === '}' || character === ']') depth--;
    position++;
  } while (depth > 0 && position < text.length);
  return position;
}
