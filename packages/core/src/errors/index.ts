export { defineErrorTable, type ErrorTable, type ErrorTableRow } from './error-table';
export { invalidRequest } from './invalid-request';
export { RefundError, type RefundErrorOptions } from './refund-error';
export { type RefundErrorCode, type RefundOutcome, refundErrorCodes } from './refund-error-code';
export { type RefusalContext, refusalOutcome } from './refusal-outcome';
