// The sandbox kit is re-exported so tests need one import; sandboxes import `@refunds/core/sandbox`, which
// does not pull in vitest.
export * from '../sandbox/index';
export {
  createFakeFetch,
  type FakeFetch,
  type FakeFetchAnswer,
  type FakeFetchRequest,
} from './create-fake-fetch';
export {
  describeErrorTable,
  type ErrorTableSubject,
  type ExpectedErrorRow,
  refundErrorOf,
} from './describe-error-table';
export { describeRefundPlugin, type PluginSubject } from './describe-refund-plugin';
export { type ConformanceSubject, describeRefundProvider } from './describe-refund-provider';
export { expectInvalidRequest } from './expect-invalid-request';
export { refundErrorThrownBy } from './refund-error-thrown-by';
