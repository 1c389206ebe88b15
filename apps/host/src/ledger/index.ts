export { type CreateLedgerOptions, createLedger, defaultSqlitePath } from './create-ledger';
export { refundCreatedEventType } from './create-refund';
export {
  type ClaimOptions,
  type FailureOutcome,
  finalStates,
  type Ledger,
  type LedgerTransaction,
  type ListRefundsQuery,
  type NewRefund,
  type RefundCount,
  type RefundEvent,
  type RefundPatch,
  type RefundRecord,
  type RefundState,
} from './ledger';
export type { LedgerLogger } from './ledger-logger';
export { refundStates } from './refund-states';
