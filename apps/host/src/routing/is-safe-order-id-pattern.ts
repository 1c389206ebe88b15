import safeRegex from 'safe-regex2';
import { hasRepeatedAlternation } from './has-repeated-alternation';

/** Why `isSafeOrderIdPattern` refused a pattern, for the start-up error. */
export const unsafeOrderIdPatternReason =
  'could backtrack catastrophically: one hostile order id would then freeze the whole host, health checks ' +
  'included. It repeats a repetition (such as (a+)+ or (\\d*-?)*) or an alternation (such as (a|b)*), has ' +
  'more than 25 repetitions, or uses syntax that cannot be checked. Repeat single characters or classes ' +
  'instead: "GP-\\\\d+" rather than "(GP-\\\\d+)+", "[ab]*" rather than "(a|b)*"';

/**
 * Whether a route's `orderIdPattern` is safe to run on every refund request. JavaScript's regular expressions
 * backtrack, and matching runs on the event loop: a pattern that takes exponential time on an order id built
 * to fail it stops the host from answering anything. `safe-regex2` refuses nested quantifiers (star height
 * above 1); repeated alternations, which it lets through, are refused too. Polynomial cases both let through
 * (`a*a*a*b`) stay short because order ids are bounded before any pattern runs (`maximumOrderIdLength`).
 */
export function isSafeOrderIdPattern(pattern: string): boolean {
  return safeRegex(pattern) && !hasRepeatedAlternation(pattern);
}
