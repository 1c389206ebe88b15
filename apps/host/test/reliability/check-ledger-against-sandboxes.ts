import { isAmountEqual, type RefundCapabilities, type RunningSandbox } from '@refunds/core';
import type { SentRefund } from './refund-stream';
import { attentionEvidence, type RefundEventView, type RefundView } from './settle-refund';

type Call = (method: string, path: string) => Promise<{ status: number; body: unknown }>;

export interface LedgerCheck {
  /** Every way the ledger and the providers disagree, or a refund was lost, paid twice or left stuck. */
  problems: string[];
  byState: Record<string, number>;
  /** Refunds the sandboxes executed for the refunds sent. */
  executed: number;
  acknowledged: number;
  /** Sent, never acknowledged, and absent from both ledger and provider: the POST never reached the ledger. */
  neverRecorded: number;
}

/**
 * The exactly-once promise, checked from the outside against the providers' ground truth: every refund sent
 * is either recorded at rest with the provider agreeing, or (never acknowledged) absent from both; none was
 * executed twice; none is stuck outside `needs_attention`, and every `needs_attention` says why.
 */
export async function checkLedgerAgainstSandboxes(input: {
  call: Call;
  sent: readonly SentRefund[];
  sandboxes: ReadonlyMap<string, RunningSandbox>;
  capabilities: ReadonlyMap<string, RefundCapabilities>;
}): Promise<LedgerCheck> {
  const check: LedgerCheck = { problems: [], byState: {}, executed: 0, acknowledged: 0, neverRecorded: 0 };
  const executedByOrder = new Map<string, ReturnType<RunningSandbox['executedRefunds']>[number][]>();
  for (const [account, sandbox] of input.sandboxes) {
    for (const record of sandbox.executedRefunds()) {
      const key = `${account}\u0000${record.orderId}`;
      executedByOrder.set(key, [...(executedByOrder.get(key) ?? []), record]);
    }
  }
  const queue = [...input.sent];
  const inspect = async (sent: SentRefund): Promise<void> => {
    const problem = (text: string) =>
      check.problems.push(`${sent.account} ${sent.refundId} (answers ${sent.answers.join(',')}): ${text}`);
    if (sent.acknowledged) check.acknowledged++;
    const executed = executedByOrder.get(`${sent.account}\u0000${sent.orderId}`) ?? [];
    check.executed += executed.length;
    if (executed.length > 1) problem(`executed ${executed.length} times by the provider`);
    const path = `/v1/refunds/${encodeURIComponent(sent.refundId)}`;
    const response = await input.call('GET', path);
    if (response.status === 404) {
      check.byState.absent = (check.byState.absent ?? 0) + 1;
      if (sent.acknowledged) problem('acknowledged with a 2xx, then lost: the ledger does not have it');
      if (executed.length > 0) problem('executed by the provider but absent from the ledger');
      if (!sent.acknowledged && executed.length === 0) check.neverRecorded++;
      return;
    }
    if (response.status !== 200) {
      problem(`GET ${path} answered ${response.status}`);
      return;
    }
    const refund = response.body as RefundView;
    check.byState[refund.state] = (check.byState[refund.state] ?? 0) + 1;
    const [record] = executed;
    switch (refund.state) {
      case 'succeeded':
        if (!record) problem('the ledger says succeeded but the provider executed nothing');
        else if (record.status !== 'succeeded')
          problem(`the ledger says succeeded, the provider ${record.status}`);
        else if (!isAmountEqual(record.amount, sent.amount))
          problem(`refunded ${record.amount} instead of ${sent.amount}`);
        break;
      case 'failed':
        if (record && record.status !== 'failed')
          problem(`the ledger says failed but the provider executed it (${record.status})`);
        break;
      case 'needs_attention': {
        const history = await input.call('GET', `${path}/events`);
        const events = (history.body as { events?: RefundEventView[] }).events ?? [];
        if (!attentionEvidence(events)) problem('needs_attention without evidence for the person deciding');
        if (record) problem(`needs_attention although the provider shows the refund (${record.status})`);
        if (input.capabilities.get(sent.account)?.nativeIdempotency) {
          problem('needs_attention although the provider honours refund ids, so it could have been resent');
        }
        break;
      }
      default:
        problem(`stuck in ${refund.state}`);
    }
  };
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      for (let sent = queue.shift(); sent !== undefined; sent = queue.shift()) await inspect(sent);
    }),
  );
  return check;
}
