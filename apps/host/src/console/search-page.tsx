import type { RefundRecord } from '../ledger/ledger';
import { StateBadge } from './state-badge';

/** What a search by refund id or order id found: refunds of that order (a refund id goes straight to its page). */
export function SearchPage({ query, refunds }: { query: string; refunds: readonly RefundRecord[] }) {
  return (
    <>
      <h1>Search</h1>
      <form method="get" action="/console/search">
        <label for="search-query">Refund id or order id</label>
        <input id="search-query" type="search" name="q" value={query} />
        <button type="submit">Search</button>
      </form>
      {query === '' ? null : refunds.length === 0 ? (
        <p class="muted">No refund has the id or order id “{query}”.</p>
      ) : (
        <>
          <h2>Refunds of order {query}</h2>
          <table>
            <thead>
              <tr>
                <th>Refund</th>
                <th>Account</th>
                <th>State</th>
                <th class="number">Amount</th>
                <th>Created (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {refunds.map((refund) => (
                <tr>
                  <td>
                    <a class="mono" href={`/console/refunds/${encodeURIComponent(refund.refundId)}`}>
                      {refund.refundId}
                    </a>
                  </td>
                  <td>{refund.account}</td>
                  <td>
                    <StateBadge state={refund.state} />
                  </td>
                  <td class="number">
                    {refund.amount} {refund.currency}
                  </td>
                  <td>{refund.createdAt.toISOString().replace('T', ' ').slice(0, 19)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
