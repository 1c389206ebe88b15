/**
 * Sends a refund to `account` when every condition it sets matches; rules are tried in order. Owned by routing,
 * which reads it on every request; the config only declares and validates it, so config depends on routing and
 * never the other way round.
 */
export interface RouteRule {
  account: string;
  /** Matched case-sensitively: one currency or any of a list. */
  currency?: string | string[];
  /** A regular expression the whole order id must match (it is anchored at both ends). */
  orderIdPattern?: string;
}
