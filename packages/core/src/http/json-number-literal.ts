const jsonNumberGrammar = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A number written into JSON text exactly as given. Money and int64 ids must never pass through a JavaScript
 * number (which turns '0.1' into the nearest binary float, '1.50000000' into 1.5 and changes ids above 2^53),
 * so they travel as text and `stringifyLosslessJson` writes the digits unquoted.
 */
export class JsonNumberLiteral {
  readonly text: string;

  constructor(text: string) {
    if (!isJsonNumberText(text)) throw new TypeError(`Not a JSON number literal: ${JSON.stringify(text)}.`);
    this.text = text;
  }
}

/** Whether the text is a number as JSON's grammar writes it (no leading zeros, no '+', no bare '.5'). */
export function isJsonNumberText(text: string): boolean {
  return jsonNumberGrammar.test(text);
}
