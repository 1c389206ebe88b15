// The provider kit: what every provider needs written once. A subpath of its own, so an application that only
// uses the contract does not load it.
export {
  checkRefundEcho,
  type EchoedField,
  findEchoMismatches,
  type RefundEchoCheck,
} from './check-refund-echo';
export {
  defineProviderSettings,
  type ProviderHttpSettings,
  type ProviderSettings,
  reconciliationSettings,
  type SettingDefinition,
  type SettingsOf,
  type SettingsReader,
} from './define-provider-settings';
export {
  type IssueContext,
  invalidRequestFromIssues,
  issueField,
  parseOutgoing,
} from './invalid-request-from-issues';
export {
  checkBeforeResending,
  findErrorTableRow,
  type RefundErrorFromTableInput,
  refundErrorFromTable,
} from './refund-error-from-table';
