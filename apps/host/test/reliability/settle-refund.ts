import { waitFor } from '../support/start-sandbox-host';

export interface RefundView {
  refundId: string;
  account: string;
  orderId: string;
  state: string;
  amount: { amount: string; currency: string };
}

export interface RefundEventView {
  type: string;
  data: unknown;
}

type Call = (method: string, path: string) => Promise<{ status: number; body: unknown }>;

/** States nobody will move a refund out of without a new fact: final ones, and the hand-off to a person. */
export const restingStates: readonly string[] = ['succeeded', 'failed', 'needs_attention'];

/** Polls the host until the refund rests (or the time is up) and returns it with its history. */
export async function settleRefund(
  call: Call,
  refundId: string,
  timeoutMs = 20_000,
): Promise<{ refund: RefundView | undefined; events: RefundEventView[] }> {
  const path = `/v1/refunds/${encodeURIComponent(refundId)}`;
  const response = await waitFor(
    () => call('GET', path),
    (result) => result.status === 404 || restingStates.includes((result.body as RefundView).state),
    timeoutMs,
  );
  if (response.status !== 200) return { refund: undefined, events: [] };
  const history = await call('GET', `${path}/events`);
  return {
    refund: response.body as RefundView,
    events: (history.body as { events: RefundEventView[] }).events,
  };
}

/** A person handed a refund must be told why: a needs_attention event that gives a reason. */
export function attentionEvidence(events: readonly RefundEventView[]): unknown {
  const event = events.findLast((item) => item.type === 'needs_attention');
  const data = event?.data as { reason?: unknown; evidence?: unknown; error?: unknown } | undefined;
  return data?.evidence ?? data?.reason ?? data?.error;
}
