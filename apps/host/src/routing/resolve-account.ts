import { compileOrderIdPattern } from './compile-order-id-pattern';
import type { RouteRule } from './route-rule';

export interface ResolveAccountInput {
  /** The account the caller named; when present, routes are not consulted. */
  account?: string;
  orderId: string;
  currency: string;
}

export interface RoutingConfig {
  accounts: ReadonlyMap<string, unknown> | Record<string, unknown>;
  routes: readonly RouteRule[];
}

export type AccountResolution = { account: string } | { problem: RoutingProblem };

export interface RoutingProblem {
  status: 422;
  /**
   * `invalid_request` when the request itself is refused (an order id too long to match), `no_route` when
   * no account could be chosen for it.
   */
  code: 'invalid_request' | 'no_route';
  message: string;
  field?: string;
}

/**
 * The longest order id routing accepts. Checked before any pattern runs: a bounded input keeps even a
 * polynomial-time pattern that the start-up check lets through from holding the event loop for long.
 */
export const maximumOrderIdLength = 256;

/**
 * The one account a refund goes to: the account named in the request, else the first route whose conditions
 * all match. Never a fallback to another account or provider: a refund must go where the payment was taken,
 * so anything short of a certain match is a 422 the caller has to resolve.
 */
export function resolveAccount(input: ResolveAccountInput, config: RoutingConfig): AccountResolution {
  if (input.orderId.length > maximumOrderIdLength) {
    // The id is not quoted back: it is long by definition, and may be built to fill a log.
    return problem(
      `must be at most ${maximumOrderIdLength} characters (it has ${input.orderId.length}); no provider's order ids are longer`,
      'orderId',
      'invalid_request',
    );
  }
  const isKnown = (account: string): boolean =>
    config.accounts instanceof Map ? config.accounts.has(account) : Object.hasOwn(config.accounts, account);

  if (input.account !== undefined) {
    if (isKnown(input.account)) return { account: input.account };
    const known = knownAccounts(config.accounts);
    return problem(
      `unknown account ${JSON.stringify(input.account)}; known accounts: ${known.length === 0 ? '(none)' : known.join(', ')}`,
      'account',
    );
  }

  for (const [index, route] of config.routes.entries()) {
    if (!matches(route, input)) continue;
    // Config validation refuses such a route; should one arrive anyway, stop here rather than let a later
    // route catch a refund meant for this account.
    if (!isKnown(route.account)) {
      return problem(
        `route ${index + 1} sends this refund to account "${route.account}", which is not configured`,
      );
    }
    return { account: route.account };
  }
  return problem(
    `no route matches currency ${JSON.stringify(input.currency)} and order ${JSON.stringify(input.orderId)}; name the account explicitly or add a route`,
    'account',
  );
}

function matches(route: RouteRule, input: ResolveAccountInput): boolean {
  if (route.currency !== undefined) {
    const currencies = typeof route.currency === 'string' ? [route.currency] : route.currency;
    if (!currencies.includes(input.currency)) return false;
  }
  return (
    route.orderIdPattern === undefined || compileOrderIdPattern(route.orderIdPattern).test(input.orderId)
  );
}

function knownAccounts(accounts: RoutingConfig['accounts']): string[] {
  return accounts instanceof Map ? [...accounts.keys()] : Object.keys(accounts);
}

function problem(
  message: string,
  field?: string,
  code: RoutingProblem['code'] = 'no_route',
): { problem: RoutingProblem } {
  return {
    problem: field === undefined ? { status: 422, code, message } : { status: 422, code, message, field },
  };
}
