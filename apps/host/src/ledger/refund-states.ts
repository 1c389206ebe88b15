import type { RefundState } from './ledger';

/** Every state, in lifecycle order; the schema's CHECK constraint lists the same ones. */
export const refundStates: readonly RefundState[] = [
  'sending',
  'pending',
  'unknown',
  'succeeded',
  'failed',
  'needs_attention',
];
