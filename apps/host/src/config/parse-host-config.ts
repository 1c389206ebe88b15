import * as v from 'valibot';
import { describeValibotIssue } from './describe-valibot-issue';
import { describeUnknownRouteAccount, findUnknownRouteAccounts } from './find-unknown-route-accounts';
import { type HostConfig, hostConfigSchema } from './host-config';
import { HostConfigError, type HostConfigProblem } from './host-config-error';

/**
 * Validates a config value (from a file or built in code) and throws one `HostConfigError` listing every
 * problem, each located by account and field.
 */
export function parseHostConfig(input: unknown, options?: { source?: string }): HostConfig {
  const result = v.safeParse(hostConfigSchema, input);
  if (result.success) return result.output;
  const problems = result.issues.map(toProblem);
  // The schema checks route accounts only once the structure is valid; report them in this pass anyway.
  if (!result.typed) {
    for (const unknown of findUnknownRouteAccounts(input)) {
      problems.push({
        field: `routes.${unknown.routeIndex}.account`,
        message: describeUnknownRouteAccount(unknown),
      });
    }
  }
  throw new HostConfigError(problems, options);
}

function toProblem(issue: v.BaseIssue<unknown>): HostConfigProblem {
  const keys = (issue.path ?? []).map((item) => String(item.key));
  const message = describeValibotIssue(issue);
  if (keys[0] === 'accounts' && keys[1] !== undefined) {
    const field = keys.slice(2).join('.');
    return field === '' ? { account: keys[1], message } : { account: keys[1], field, message };
  }
  return keys.length === 0 ? { message } : { field: keys.join('.'), message };
}
