import type { RefundProviderV1 } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { defaultReconciliationTiming, reconciliationTiming } from './reconciliation-timing';

const provider = (reconciliation?: RefundProviderV1['reconciliation']) =>
  ({ provider: 'memorypay', reconciliation }) as RefundProviderV1;

describe('reconciliationTiming', () => {
  it('defaults to a minute of read lag and three days of pending', () => {
    expect(defaultReconciliationTiming).toEqual({ settleWindowMs: 60_000, maximumPendingMs: 259_200_000 });
    expect(reconciliationTiming({ provider: provider() })).toEqual({
      settleWindowMs: 60_000,
      maximumPendingMs: 259_200_000,
    });
  });

  it("takes the provider's defaults over the host's", () => {
    expect(reconciliationTiming({ provider: provider({ settleWindowMs: 5_000 }) })).toEqual({
      settleWindowMs: 5_000,
      maximumPendingMs: 259_200_000,
    });
  });

  it("takes the account's settings over the provider's, and ignores settings left undefined", () => {
    expect(
      reconciliationTiming({
        provider: provider({ settleWindowMs: 5_000, maximumPendingMs: 7_000 }),
        reconciliation: { settleWindowMs: 9_000, maximumPendingMs: undefined },
      }),
    ).toEqual({ settleWindowMs: 9_000, maximumPendingMs: 7_000 });
    expect(
      reconciliationTiming({
        provider: provider({ settleWindowMs: undefined }),
        reconciliation: { maximumPendingMs: 1 },
      }),
    ).toEqual({ settleWindowMs: 60_000, maximumPendingMs: 1 });
  });
});
