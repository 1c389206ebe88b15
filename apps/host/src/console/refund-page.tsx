import { allows } from '../http/api-keys';
import type { RefundEvent, RefundRecord, WebhookAttempt, WebhookDelivery } from '../ledger/ledger';
import { formatAge } from '../operators/format-age';
import { csrfFieldName } from './console-csrf';
import type { ConsoleUser } from './console-env';
import { StateBadge } from './state-badge';

export interface Notice {
  kind: 'ok' | 'error';
  text: string;
}

/** One refund: its fields, what an operator may do about it, and everything that happened to it. */
export function RefundPage(props: {
  refund: RefundRecord;
  events: readonly RefundEvent[];
  deliveries: readonly (WebhookDelivery & { attemptLog: readonly WebhookAttempt[] })[];
  user: ConsoleUser;
  now: Date;
  notice?: Notice | undefined;
}) {
  const { refund, events, deliveries, user, now, notice } = props;
  const path = `/console/refunds/${encodeURIComponent(refund.refundId)}`;
  const mayResolve = allows(user.key.role, 'resolve');
  const mayResend = allows(user.key.role, 'resend');
  const mayRedeliver = allows(user.key.role, 'redeliver');
  const time = (date: Date | undefined) =>
    date ? (
      <span title={date.toISOString()}>
        {date.toISOString().replace('T', ' ').slice(0, 19)} UTC{' '}
        <span class="muted">({formatAge(now.getTime() - date.getTime())} ago)</span>
      </span>
    ) : (
      <span class="muted">—</span>
    );
  const fields: [string, unknown][] = [
    ['State', <StateBadge state={refund.state} />],
    ['Account', `${refund.account} (${refund.provider})`],
    ['Order', <span class="mono">{refund.orderId}</span>],
    ['Amount', `${refund.amount} ${refund.currency}`],
    ['Provider refund id', refund.providerRefundId ?? <span class="muted">—</span>],
    ['Provider status', refund.providerStatus ?? <span class="muted">—</span>],
    [
      'Failure',
      refund.failure ? (
        `${refund.failure.code}: ${refund.failure.message}${refund.failureOutcome ? ` (${refund.failureOutcome})` : ''}`
      ) : (
        <span class="muted">—</span>
      ),
    ],
    [
      'Reconciliation',
      `${count(refund.attempts, 'check')}, ${refund.checkFailures} failed in a row, ${count(refund.resends, 'resend')}`,
    ],
    ['Created', time(refund.createdAt)],
    ['Updated', time(refund.updatedAt)],
    ['Last sent', time(refund.sentAt)],
    ['Next check', time(refund.nextCheckAt)],
  ];
  return (
    <>
      <h1>
        Refund <span class="mono">{refund.refundId}</span>
      </h1>
      {notice ? <p class={`notice notice-${notice.kind}`}>{notice.text}</p> : null}
      <dl class="fields">
        {fields.map(([label, value]) => (
          <>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </>
        ))}
      </dl>

      {refund.state === 'needs_attention' && (mayResolve || mayResend) ? (
        <>
          <h2>Decide</h2>
          <p class="muted">
            Establish with the provider what happened to this refund, then resolve it; or, if the provider
            shows no such refund, have it sent again under the same id (the host asks the provider first).
          </p>
          <div class="actions">
            {mayResolve ? (
              <form method="post" action={`${path}/resolve`} class="panel" aria-label="Resolve">
                <input type="hidden" name={csrfFieldName} value={user.csrfToken} />
                <strong>Resolve</strong>
                <div class="choices">
                  <label>
                    <input type="radio" name="state" value="succeeded" required /> succeeded
                  </label>
                  <label>
                    <input type="radio" name="state" value="failed" required /> failed
                  </label>
                </div>
                <label for="resolve-reason">Reason</label>
                <textarea id="resolve-reason" name="reason" required />
                <label for="resolve-provider-refund-id">Provider refund id (optional)</label>
                <input id="resolve-provider-refund-id" type="text" name="providerRefundId" />
                <button type="submit">Resolve</button>
              </form>
            ) : null}
            {mayResend ? (
              <form method="post" action={`${path}/resend`} class="panel" aria-label="Resend">
                <input type="hidden" name={csrfFieldName} value={user.csrfToken} />
                <strong>Resend</strong>
                <label for="resend-reason">Reason</label>
                <textarea id="resend-reason" name="reason" required />
                <button type="submit" class="secondary">
                  Ask the provider, then resend
                </button>
              </form>
            ) : null}
          </div>
        </>
      ) : refund.state === 'needs_attention' ? (
        <p class="muted">Your key's role ({user.key.role}) reads only: an operator resolves this refund.</p>
      ) : null}

      <h2>Webhook deliveries</h2>
      {deliveries.length === 0 ? (
        <p class="muted">
          No webhook was sent for this refund (none is configured, or nothing final happened yet).
        </p>
      ) : (
        <table aria-label="Webhook deliveries">
          <thead>
            <tr>
              <th>Event</th>
              <th>Endpoint</th>
              <th>State</th>
              <th>Attempts</th>
              <th>Last answer</th>
              <th>When</th>
              {mayRedeliver ? <th /> : null}
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => {
              const last = delivery.attemptLog.at(-1);
              return (
                <tr>
                  <td>
                    {delivery.type} <span class="muted">#{delivery.sequence}</span>
                    <div class="mono muted">{delivery.eventId}</div>
                  </td>
                  <td>{delivery.endpointId}</td>
                  <td>{delivery.state}</td>
                  <td>{delivery.attempts}</td>
                  <td>
                    {last === undefined ? (
                      <span class="muted">—</span>
                    ) : (
                      `${last.status ?? last.error ?? 'no answer'} in ${last.latencyMs} ms`
                    )}
                  </td>
                  <td>
                    {delivery.state === 'delivered'
                      ? time(delivery.deliveredAt)
                      : delivery.state === 'pending'
                        ? [<span class="muted">next </span>, time(delivery.nextAttemptAt)]
                        : [<span class="muted">gave up </span>, time(delivery.updatedAt)]}
                  </td>
                  {mayRedeliver ? (
                    <td>
                      <form
                        method="post"
                        action={`${path}/deliveries/${delivery.id}/redeliver`}
                        aria-label={`Redeliver ${delivery.id}`}
                      >
                        <input type="hidden" name={csrfFieldName} value={user.csrfToken} />
                        <button type="submit" class="secondary">
                          Redeliver
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <h2>Events</h2>
      <ol class="timeline">
        {events.map((event) => {
          const actor = (event.data as { actor?: unknown } | null)?.actor;
          return (
            <li>
              <span class="type">{event.type}</span> <span class="muted">{time(event.at)}</span>
              {typeof actor === 'string' ? <span class="muted"> · by {actor}</span> : null}
              {event.data === undefined || isEmpty(event.data) ? null : (
                <pre>{JSON.stringify(event.data, null, 2)}</pre>
              )}
            </li>
          );
        })}
      </ol>
    </>
  );
}

function count(value: number, noun: string): string {
  return `${value} ${noun}${value === 1 ? '' : 's'}`;
}

function isEmpty(data: unknown): boolean {
  return typeof data === 'object' && data !== null && Object.keys(data).length === 0;
}
