const jsonNumberGrammar = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/**
 * A number written into JSON text exactly as given. Money must never pass through a JavaScript number (which
 * would turn '0.1' into the nearest binary float and '1.50000000' into 1.5), so amounts travel as text.
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
