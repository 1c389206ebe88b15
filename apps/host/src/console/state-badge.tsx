import type { RefundState } from '../ledger/ledger';

export function StateBadge({ state }: { state: RefundState }) {
  return <span class={`state state-${state}`}>{state}</span>;
}
