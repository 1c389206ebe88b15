import { cutInput } from './cut-input';

/** A client's value quoted in an error message, as JSON quotes it (control characters escaped), and cut short. */
export function quoteInput(text: string): string {
  return JSON.stringify(cutInput(text));
}
