export interface JsonSyntaxError {
  /** 1-based, as editors show them. */
  line: number;
  column: number;
  message: string;
}

class ScanFailure {
  constructor(
    readonly offset: number,
    readonly message: string,
  ) {}
}

/**
 * Locates the first syntax error in JSON text. `JSON.parse` messages differ between runtimes, some carry no
 * position, and some quote a slice of the file, which could hold a secret pasted into it; this scanner gives
 * a line and column everywhere and quotes at most one character.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | undefined {
  let position = 0;

  const fail = (message: string): never => {
    throw new ScanFailure(position, message);
  };
  const current = (): string =>
    position < text.length ? JSON.stringify(text[position]) : 'the end of the file';
  const skipWhitespace = (): void => {
    while (position < text.length && ' \t\n\r'.includes(text[position] ?? '')) position += 1;
  };

  const scanString = (): void => {
    position += 1;
    for (;;) {
      const character = text[position];
      if (character === undefined) fail('unterminated string');
      if (character === '"') {
        position += 1;
        return;
      }
      if (character === '\\') {
        position += 1;
        if (text[position] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(position + 1, position + 5))) {
          position += 5;
          continue;
        }
        if (!'"\\/bfnrt'.includes(text[position] ?? 'x')) fail('invalid escape sequence in string');
      } else if ((character ?? '') < ' ') {
        fail('line break or control character inside a string; escape it (e.g. \\n)');
      }
      position += 1;
    }
  };

  const scanNumber = (): void => {
    const pattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    pattern.lastIndex = position;
    if (!pattern.test(text)) fail('invalid number');
    position = pattern.lastIndex;
  };

  const scanContainer = (close: '}' | ']', scanEntry: () => void): void => {
    position += 1;
    skipWhitespace();
    if (text[position] === close) {
      position += 1;
      return;
    }
    for (;;) {
      scanEntry();
      skipWhitespace();
      if (text[position] === close) {
        position += 1;
        return;
      }
      if (text[position] !== ',') fail(`expected ',' or '${close}' but found ${current()}`);
      const comma = position;
      position += 1;
      skipWhitespace();
      if (text[position] === close) {
        position = comma;
        fail(`trailing comma before '${close}' is not allowed in JSON`);
      }
    }
  };

  const scanValue = (): void => {
    skipWhitespace();
    const character = text[position];
    if (character === '{') scanContainer('}', scanProperty);
    else if (character === '[') scanContainer(']', scanValue);
    else if (character === '"') scanString();
    else if (character === '-' || (character !== undefined && character >= '0' && character <= '9'))
      scanNumber();
    else scanLiteral(character);
  };

  const scanLiteral = (character: string | undefined): void => {
    for (const literal of ['true', 'false', 'null']) {
      if (text.startsWith(literal, position)) {
        position += literal.length;
        return;
      }
    }
    if (character === '/') fail('comments are not allowed in JSON (use refunds.config.ts to keep comments)');
    if (character === "'") fail('strings need double quotes in JSON');
    fail(`expected a value but found ${current()}`);
  };

  const scanProperty = (): void => {
    skipWhitespace();
    if (text[position] === "'") fail('keys need double quotes in JSON');
    if (text[position] !== '"') fail(`expected a double-quoted key but found ${current()}`);
    scanString();
    skipWhitespace();
    if (text[position] !== ':') fail(`expected ':' after the key but found ${current()}`);
    position += 1;
    scanValue();
  };

  try {
    scanValue();
    skipWhitespace();
    if (position < text.length) fail(`unexpected ${current()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (!(error instanceof ScanFailure)) throw error;
    const before = text.slice(0, error.offset);
    const line = before.split('\n').length;
    const column = error.offset - (before.lastIndexOf('\n') + 1) + 1;
    return { line, column, message: error.message };
  }
}
