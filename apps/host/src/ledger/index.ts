export { type CreateLedgerOptions, createLedger, defaultSqlitePath } from './create-ledger';
export { refundCreatedEventType } from './create-refund';
export {
  finalStates,
  type Ledger,
  type ListRefundsQuery,
  type NewRefund,
  type RefundEvent,
  type RefundPatch,
  type RefundRecord,
  type RefundState,
} from './ledger';
export type { LedgerLogger } from './ledger-logger';
export { refundStates } from './refund-states';
