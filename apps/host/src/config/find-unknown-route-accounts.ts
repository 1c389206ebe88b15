export interface UnknownRouteAccount {
  routeIndex: number;
  account: string;
  knownAccounts: string[];
}

/**
 * Routes naming accounts the config does not define. Works on unvalidated input too, so that this mistake is
 * reported in the same pass as structural ones instead of after they are fixed.
 */
export function findUnknownRouteAccounts(input: unknown): UnknownRouteAccount[] {
  if (!isRecord(input) || !isRecord(input.accounts) || !Array.isArray(input.routes)) return [];
  const knownAccounts = Object.keys(input.accounts);
  const unknown: UnknownRouteAccount[] = [];
  input.routes.forEach((route: unknown, routeIndex) => {
    if (!isRecord(route) || typeof route.account !== 'string') return;
    if (!Object.hasOwn(input.accounts as object, route.account)) {
      unknown.push({ routeIndex, account: route.account, knownAccounts });
    }
  });
  return unknown;
}

export function describeUnknownRouteAccount(unknown: UnknownRouteAccount): string {
  const known = unknown.knownAccounts.length === 0 ? '(none)' : unknown.knownAccounts.join(', ');
  return `route ${unknown.routeIndex + 1} names account "${unknown.account}", which is not under "accounts"; known accounts: ${known}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
