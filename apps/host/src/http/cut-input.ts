/** How much of a client's input an error message may quote: enough to recognise it, never enough to fill a log. */
export const quotedInputLength = 64;

/**
 * `text` as it may appear in an error answer: whole when short, else its first `maxLength` characters and "…".
 * A client chooses the length of what it sends, so echoing it whole would let it make our answers (and the
 * logs and consoles that show them) as large as it likes.
 */
export function cutInput(text: string, maxLength = quotedInputLength): string {
  if (text.length <= maxLength) return text;
  // Never split a surrogate pair: half a character would come out as an escape or a replacement mark.
  const end = /[\ud800-\udbff]/.test(text.charAt(maxLength - 1)) ? maxLength - 1 : maxLength;
  return `${text.slice(0, end)}…`;
}
