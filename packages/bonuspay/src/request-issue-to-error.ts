import { invalidRequest, type RefundError } from '@refunds/core';
import type * as v from 'valibot';

/**
 * The first problem valibot found in a request we were about to send, as an `invalid_request` that names the
 * caller's field (`label`), BonusPay's field and the rule.
 */
export function requestIssueToError(
  issues: readonly v.BaseIssue<unknown>[],
  label: (field: string) => string,
  limits: Readonly<Record<string, number>>,
): RefundError {
  const issue = issues[0];
  const field = issue?.path?.map((item) => String(item.key)).join('.') ?? 'request';
  const name = label(field);
  const bonusPayName = name === field ? 'BonusPay' : `BonusPay's ${field}`;
  const received = issue?.received ?? 'something else';
  const message =
    issue?.type === 'non_empty' || received === 'undefined'
      ? `${name} is required: ${bonusPayName} cannot be empty.`
      : issue?.type === 'strict_object' && issue.expected === 'never'
        ? `${name} is not a field of this BonusPay request: leave it out.`
        : issue?.type === 'max_length'
          ? `${name} must be at most ${limits[field]} characters (${bonusPayName} is String(${limits[field]})), got ${String(received)}: shorten it.`
          : issue?.type === 'string'
            ? `${name} must be a string, got ${received}.`
            : `${name} is invalid: ${issue?.message ?? 'unexpected value'}.`;
  return invalidRequest(name, message, 'bonuspay');
}
