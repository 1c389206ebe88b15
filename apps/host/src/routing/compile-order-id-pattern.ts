// Routes are matched on every refund request; compiling each pattern once keeps matching cheap.
const compiledPatterns = new Map<string, RegExp>();

/**
 * Compiles a route's `orderIdPattern`, anchored at both ends: a pattern written as `GP-\d+` must not also
 * match `XGP-1-other`, or a refund could be routed to an account that never took the payment.
 * Throws a `SyntaxError` for an invalid pattern.
 */
export function compileOrderIdPattern(pattern: string): RegExp {
  let compiled = compiledPatterns.get(pattern);
  if (compiled === undefined) {
    // No `g` or `y` flag: `test` must not carry `lastIndex` state from one request to the next.
    compiled = new RegExp(`^(?:${pattern})$`);
    compiledPatterns.set(pattern, compiled);
  }
  return compiled;
}
