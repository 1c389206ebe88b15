import type * as v from 'valibot';

/**
 * A valibot issue's message, unless it could reveal the value it received: valibot's default messages quote
 * the input, and that input may be a secret (a key pasted into the wrong field, a malformed secret read from
 * the environment). Then only the rule that failed is described. For a `secret` field that is always so,
 * since even "received 5" tells something about a credential.
 */
export function describeValibotIssue(issue: v.BaseIssue<unknown>, options?: { secret?: boolean }): string {
  // Keys are names the operator wrote, never secrets, and they are what the message has to show.
  const aboutKey = issue.path?.at(-1)?.origin === 'key';
  const echoesInput =
    typeof issue.input === 'string' && issue.input !== '' && issue.message.includes(issue.input);
  if (aboutKey || (!echoesInput && options?.secret !== true)) return issue.message;
  const rule = issue.kind === 'schema' ? 'type' : issue.type.replaceAll('_', ' ');
  const expected = issue.expected === null ? '' : `: expected ${issue.expected}`;
  return `invalid ${rule}${expected} (the value is not shown)`;
}
