import type { SandboxStartOptions } from '@refunds/core';

/**
 * How the simulated IOTPay behaves. Everything IOTPay does not document is an option here, with the default the
 * protocol reference infers.
 */
export interface IotPaySandboxOptions extends SandboxStartOptions {
  /** How long an accepted refund stays "refunding" (status 1) before it settles. Default 2000 ms. */
  settleAfterMs?: number;
  /**
   * How long an executed refund stays invisible to the refund query, which meanwhile answers IOTPay's "refund order
   * does not exist", while refund_order already refuses its mchRefundNo as reused. Default 0.
   */
  readLagMs?: number;
  /**
   * Refuse a body whose content type contradicts its shape (a `params=` form sent as JSON, a JSON body sent as a
   * form) with "post data empty". Default false: the body is read by its shape, whatever the header, because
   * IOTPay's published PHP helper sends `params=<json>` as `application/json` and the real gateway's handling of it
   * is undocumented.
   */
  strictContentType?: boolean;
  /** Accepted for the common sandbox interface; IOTPay sends no refund notification, so nothing is posted. */
  notificationUrl?: string;
  /** Test credentials; random when absent. */
  mchId?: string;
  merchantKey?: string;
  loginName?: string;
  /** Where the refund query answers. Default /v1/query_refund_order (inferred). */
  refundQueryPath?: string;
  /**
   * What a reused mchRefundNo gets: `reject` (retCode SUCCESS, resCode FAIL, `duplicateErrorCode`, signed; the
   * default), `reject-communication` (retCode FAIL, unsigned) or `replay` (the first acceptance again).
   */
  duplicateRefundNo?: 'reject' | 'reject-communication' | 'replay';
  /** Default '0014' (parameter error), as XxPay descendants answer. */
  duplicateErrorCode?: string;
  /** The status refunds settle to: 2 success (default), 3 failed, 4 business complete. */
  finalStatus?: 2 | 3 | 4;
  /**
   * Whether the refund query answer also names `refundOrderId`, `payOrderId` and `currency`. XxPay's answer does
   * not; IOTPay's is unknown. Default true.
   */
  refundQueryNamesOrder?: boolean;
}
