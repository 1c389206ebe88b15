import type { RefundState } from '../ledger/ledger';
import { refundStates } from '../ledger/refund-states';
import { formatAge } from '../operators/format-age';
import type { Overview } from './load-overview';
import { RefundsChart, seriesColors, seriesLabels } from './refunds-chart';
import { chartSeries } from './refunds-per-hour';
import { StateBadge } from './state-badge';

// The states a person acts on first, then the final ones.
const columns: readonly RefundState[] = [
  'needs_attention',
  'unknown',
  'sending',
  'pending',
  'succeeded',
  'failed',
];

export function OverviewPage({ overview }: { overview: Overview }) {
  const { counts, accounts, attention, now } = overview;
  const count = (account: string | undefined, state: RefundState) =>
    counts
      .filter((row) => row.state === state && (account === undefined || row.account === account))
      .reduce((sum, row) => sum + row.count, 0);
  const cell = (value: number) => <td class={value === 0 ? 'number zero' : 'number'}>{value}</td>;
  return (
    <>
      <h1>Overview</h1>
      <h2>Refunds by account and state</h2>
      <table>
        <thead>
          <tr>
            <th>Account</th>
            {columns.map((state) => (
              <th class="number">
                <StateBadge state={state} />
              </th>
            ))}
            <th class="number">total</th>
          </tr>
        </thead>
        <tbody>
          {[...accounts, undefined].map((account) => (
            <tr>
              <td>{account ?? <strong>all accounts</strong>}</td>
              {columns.map((state) => cell(count(account, state)))}
              {cell(refundStates.reduce((sum, state) => sum + count(account, state), 0))}
            </tr>
          ))}
        </tbody>
      </table>

      <h2>Needing attention, oldest first</h2>
      {attention.length === 0 ? (
        <p class="muted">No refund needs attention.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th>Refund</th>
              <th>Account</th>
              <th>Order</th>
              <th class="number">Amount</th>
              <th class="number">Age</th>
              <th>Last evidence</th>
            </tr>
          </thead>
          <tbody>
            {attention.map(({ refund, lastEvidence }) => (
              <tr>
                <td>
                  <a class="mono" href={`/console/refunds/${encodeURIComponent(refund.refundId)}`}>
                    {refund.refundId}
                  </a>
                </td>
                <td>{refund.account}</td>
                <td class="mono">{refund.orderId}</td>
                <td class="number">
                  {refund.amount} {refund.currency}
                </td>
                <td class="number" title={refund.createdAt.toISOString()}>
                  {formatAge(now.getTime() - refund.createdAt.getTime())}
                </td>
                <td>{lastEvidence ?? <span class="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {overview.moreAttention ? (
        <p class="muted">
          More refunds need attention than are listed here; resolve these first, or list them all with{' '}
          <code>refunds attention</code>.
        </p>
      ) : null}

      <h2>Refunds per hour, last 24 hours (UTC)</h2>
      <RefundsChart buckets={overview.buckets} />
      <p class="legend">
        {chartSeries.map((series) => (
          <span>
            <span class="swatch" style={`background: ${seriesColors[series]}`} />
            {seriesLabels[series]}
          </span>
        ))}
        <span>by the hour each refund was created, in the state it is in now</span>
      </p>
      {overview.chartTruncated ? (
        <p class="muted">The chart counts the first refunds of the day only: there were too many to read.</p>
      ) : null}
    </>
  );
}
