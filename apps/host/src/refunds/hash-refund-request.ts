import { createHash } from 'node:crypto';
import type { RefundRequest } from '@refunds/core';

/**
 * A fingerprint of what was asked, independent of key order and of formatting that does not change the
 * meaning, so a retried request is recognised and a different one under the same id is caught.
 */
export function hashRefundRequest(account: string, request: RefundRequest): string {
  return createHash('sha256').update(canonicalJson({ account, request })).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, item]) => item !== undefined)
      .sort(([left], [right]) =>
        left < right
          ? -1
          : // Object keys are distinct, and V8's sort only asks whether the answer is below 0: answering 1, 0 or
            // anything not negative here sorts the same (docs/mutation.md, "Equivalent").
            // Stryker disable next-line ConditionalExpression,EqualityOperator: equivalent, see above
            left > right
            ? 1
            : 0,
      );
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
