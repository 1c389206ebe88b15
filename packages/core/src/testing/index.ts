// The sandbox kit is re-exported so tests need one import; sandboxes import `@refunds/core/sandbox`, which
// does not pull in vitest.
export * from '../sandbox/index';
export { type ConformanceSubject, describeRefundProvider } from './describe-refund-provider';
