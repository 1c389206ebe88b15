import { isAmountEqual, RefundError, type RefundProviderV1, type RefundStatus } from '@refunds/core';
import type { Ledger, RefundRecord, RefundState } from '../ledger/ledger';

/** What the provider says about a refund: its status, that it has none, or that it could not be asked. */
export type ProviderView =
  | { status: RefundStatus; amount?: string; currency?: string }
  | { status: 'absent'; evidence: string }
  | { status: 'unreachable'; error: string };

export interface AuditEntry {
  refundId: string;
  account: string;
  orderId: string;
  amount: string;
  currency: string;
  ledger: RefundState;
  provider: ProviderView['status'];
  /** Why this refund is listed, in words an operator can act on. */
  problem?: string;
}

export interface AuditReport {
  /** Refunds compared with their provider. */
  audited: number;
  /** Ledger and provider agree. */
  matched: number;
  /** The ledger contradicts the provider, or the provider could not be asked: each needs a look. */
  differences: AuditEntry[];
  /** Handed to a person already (needs_attention) and the provider shows no refund: consistent, still open. */
  attention: AuditEntry[];
  /**
   * Still being sent or reconciled (sending, unknown): not compared, the reconciler owns them, but the provider is
   * still asked, so that an open refund nobody can check shows as `unreachable` instead of passing in silence.
   */
  open: AuditEntry[];
}

/**
 * Whether the audit needs a person: a difference, or an open refund whose provider could not be asked (its
 * reconciler cannot ask either, so it may stay open for good while the audit says all is well).
 */
export function auditNeedsLook(report: AuditReport): boolean {
  return report.differences.length > 0 || openUnasked(report).length > 0;
}

/** Open refunds whose provider could not be asked. */
export function openUnasked(report: AuditReport): AuditEntry[] {
  return report.open.filter((entry) => entry.provider === 'unreachable');
}

export interface AuditOptions {
  ledger: Ledger;
  accounts: ReadonlyMap<string, { provider: RefundProviderV1 }>;
  /** Only refunds created in [since, until). */
  since?: Date;
  until?: Date;
  account?: string;
  /** Provider queries in flight at once. Default 8. */
  concurrency?: number;
  /** Limit for one provider query. Default 15 s. */
  timeoutMs?: number;
}

// For each ledger state, the provider statuses that agree with it.
const agreeing: Record<RefundState, readonly ProviderView['status'][]> = {
  succeeded: ['succeeded'],
  // A refund that failed may never have reached the provider, or the provider refused it.
  failed: ['failed', 'absent'],
  // The ledger may lag a provider that has settled since; the reconciler will catch up, so only disagreeing
  // outcomes count.
  pending: ['pending', 'succeeded', 'failed'],
  needs_attention: ['absent'],
  sending: [],
  unknown: [],
};

/**
 * Compares every refund in the ledger (or in a window) with the provider's own record, read with `getRefund`:
 * a refund the ledger calls succeeded that the provider does not have, one it calls failed that the provider
 * paid, a refund handed to a person that the provider settled, an amount that differs.
 */
export async function auditRefunds(options: AuditOptions): Promise<AuditReport> {
  const report: AuditReport = { audited: 0, matched: 0, differences: [], attention: [], open: [] };
  const queue: RefundRecord[] = [];
  let cursor: string | undefined;
  do {
    const page = await options.ledger.listRefunds({
      limit: 100,
      ...(cursor === undefined ? {} : { cursor }),
      ...(options.account === undefined ? {} : { account: options.account }),
    });
    for (const refund of page.refunds) {
      if (options.since && refund.createdAt < options.since) continue;
      if (options.until && refund.createdAt >= options.until) continue;
      queue.push(refund);
    }
    // Newest first: once a page is older than the window, every later page is too.
    const oldest = page.refunds.at(-1);
    cursor = options.since && oldest && oldest.createdAt < options.since ? undefined : page.nextCursor;
  } while (cursor !== undefined);

  const work = async () => {
    for (let refund = queue.shift(); refund !== undefined; refund = queue.shift()) {
      const entry = await auditOne(refund, options);
      if (entry.kind === 'open') report.open.push(entry.entry);
      else {
        report.audited++;
        if (entry.kind === 'matched') report.matched++;
        else if (entry.kind === 'attention') report.attention.push(entry.entry);
        else report.differences.push(entry.entry);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 8) }, work));
  return report;
}

async function auditOne(
  refund: RefundRecord,
  options: AuditOptions,
): Promise<{ kind: 'matched' | 'attention' | 'difference' | 'open'; entry: AuditEntry }> {
  const entry = (provider: ProviderView['status'], problem?: string): AuditEntry => ({
    refundId: refund.refundId,
    account: refund.account,
    orderId: refund.orderId,
    amount: refund.amount,
    currency: refund.currency,
    ledger: refund.state,
    provider,
    ...(problem === undefined ? {} : { problem }),
  });
  const open = refund.state === 'sending' || refund.state === 'unknown';
  const provider = options.accounts.get(refund.account)?.provider;
  if (!provider) {
    const problem = `account ${refund.account} is not configured, so its provider cannot be asked`;
    return open
      ? { kind: 'open', entry: entry('unreachable', `still being sent or reconciled, and ${problem}`) }
      : { kind: 'difference', entry: entry('unreachable', problem) };
  }
  const view = await readProvider(refund, provider, options.timeoutMs ?? 15_000);
  if (open) {
    return {
      kind: 'open',
      entry: entry(
        view.status,
        view.status === 'unreachable'
          ? `still being sent or reconciled, and the provider could not be asked: ${view.error}`
          : `still being sent or reconciled; not compared (${provider.provider} says ${view.status})`,
      ),
    };
  }
  if (view.status === 'unreachable') {
    return {
      kind: 'difference',
      entry: entry(view.status, `the provider could not be asked: ${view.error}`),
    };
  }
  if (
    !agreeing[refund.state].includes(view.status) &&
    !(await orderLevelView(refund, view, provider, options))
  ) {
    return {
      kind: 'difference',
      entry: entry(
        view.status,
        `the ledger says ${refund.state} but ${provider.provider} says ${view.status}` +
          ('evidence' in view ? ` (${view.evidence})` : ''),
      ),
    };
  }
  if (
    refund.state === 'succeeded' &&
    view.status === 'succeeded' &&
    // A provider without refund records (CoinCorner) reports its order's amount, not the refund's: only a
    // currency it reports can contradict the ledger.
    (provider.capabilities.multipleRefunds || view.currency !== refund.currency) &&
    'amount' in view &&
    view.amount !== undefined &&
    (!isAmountEqual(view.amount, refund.amount) || (view.currency && view.currency !== refund.currency))
  ) {
    return {
      kind: 'difference',
      entry: entry(
        view.status,
        `the ledger refunded ${refund.amount} ${refund.currency} but ${provider.provider} refunded ${view.amount} ${view.currency ?? ''}`.trim(),
      ),
    };
  }
  if (refund.state === 'needs_attention') {
    return {
      kind: 'attention',
      entry: entry(view.status, 'handed to a person; the provider shows no refund'),
    };
  }
  return { kind: 'matched', entry: entry(view.status) };
}

const absentCodes: readonly string[] = ['not_found', 'declined', 'invalid_request'];

/**
 * A provider that keeps one refund per order and no refund ids (CoinCorner: multipleRefunds false) answers
 * about the order, not the refund id: a failed attempt on an order that another refund in the ledger refunded
 * is not a contradiction.
 */
async function orderLevelView(
  refund: RefundRecord,
  view: ProviderView,
  provider: RefundProviderV1,
  options: AuditOptions,
): Promise<boolean> {
  if (provider.capabilities.multipleRefunds || refund.state !== 'failed') return false;
  if (view.status !== 'succeeded' && view.status !== 'pending') return false;
  const siblings = await options.ledger.refundsOfOrder(refund.account, refund.orderId);
  return siblings.some((sibling) => sibling.refundId !== refund.refundId && sibling.state !== 'failed');
}

/**
 * Asks up to three times before calling the provider unreachable: a report is read by a person, and a blip
 * (another process using the same CoinCorner key, whose nonces must rise across both) is not a difference.
 */
async function readProvider(
  refund: RefundRecord,
  provider: RefundProviderV1,
  timeoutMs: number,
): Promise<ProviderView> {
  let view = await readProviderOnce(refund, provider, timeoutMs);
  for (const delayMs of [250, 1_000]) {
    if (view.status !== 'unreachable') break;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    view = await readProviderOnce(refund, provider, timeoutMs);
  }
  return view;
}

async function readProviderOnce(
  refund: RefundRecord,
  provider: RefundProviderV1,
  timeoutMs: number,
): Promise<ProviderView> {
  try {
    const result = await provider.getRefund(
      {
        refundId: refund.refundId,
        orderId: refund.orderId,
        ...(refund.providerRefundId === undefined ? {} : { providerRefundId: refund.providerRefundId }),
      },
      { signal: AbortSignal.timeout(timeoutMs) },
    );
    return { status: result.status, amount: result.amount.amount, currency: result.amount.currency };
  } catch (error) {
    // The provider is certain it has no such refund, or no such order, or that no refund by that id could ever
    // have been made (an id or order it refuses to even look up).
    if (RefundError.isInstance(error) && error.outcome === 'rejected' && absentCodes.includes(error.code)) {
      return { status: 'absent', evidence: `${error.code}: ${error.message}` };
    }
    return {
      status: 'unreachable',
      error: RefundError.isInstance(error)
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error),
    };
  }
}
