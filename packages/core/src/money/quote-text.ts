// Long inputs are cut so that a hostile or corrupted payload cannot flood logs through an error message.
const maximumQuotedLength = 40;

/** Quotes a string for an error message, shortened so the message stays readable. */
export function quoteText(text: string): string {
  const shown = text.length > maximumQuotedLength ? text.slice(0, maximumQuotedLength) + '…' : text;
  return JSON.stringify(shown);
}
