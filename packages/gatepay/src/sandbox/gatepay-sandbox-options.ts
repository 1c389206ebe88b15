import type { SandboxStartOptions } from '@refunds/core';

/**
 * Options of the GatePay simulator. Every behaviour GatePay does not document is one of these, with the default
 * the protocol reference recommends.
 */
export interface GatePaySandboxOptions extends SandboxStartOptions {
  /** Where PAY_REFUND notifications are posted (GatePay takes it from the merchant console, not per request). */
  notificationUrl?: string;
  /** How long a refund stays PROCESS before it settles. Default 2000 ms. */
  settleAfterMs?: number;
  /**
   * How long an executed refund stays invisible to `GET /v2/pay/refund/details` and `POST /v1/pay/order/refund/query`
   * (both answer 400304 "Refund ID does not exist" meanwhile), as a GatePay whose read side lags its writes. A
   * reuse of its refundRequestId is still caught. Default 0; `setReadLag` changes it for later refunds.
   */
  readLagMs?: number;
  /** Test credentials; random ones are generated when absent. */
  clientId?: string;
  secretKey?: string;
  /** Allowed distance of X-GatePay-Timestamp from now. Default 300 000 ms; the auth guide says 10 000. */
  timestampToleranceMs?: number;
  /** Refuse a (clientId, nonce) pair seen within the timestamp window with 400020. Default true. */
  rejectReusedNonces?: boolean;
  /** Sign responses with X-GatePay-Timestamp/Nonce/Signature (undocumented whether GatePay does). Default true. */
  signResponses?: boolean;
  /**
   * A reused refundRequestId: `replay` answers the original result when the parameters are identical and 400001
   * when they differ; `reject` always answers 400001. Default `replay`.
   */
  duplicateRefundRequestId?: 'replay' | 'reject';
  /** The client id key in notifications; GatePay documents both. Default `clientId`. */
  notificationClientIdKey?: 'clientId' | 'client_id';
  /** Also send REFUND_PROCESS when a refund is accepted. Default false. */
  notifyProcessing?: boolean;
  /** Delays between notification redeliveries (GatePay's schedule, compressed). Default [50, 200, 1000]. */
  notificationRetryDelaysMs?: readonly number[];
  /** The final state of each refund. Default: every refund succeeds. */
  settleAs?: (refund: { refundRequestId: string; prepayId: string; amount: string }) => 'SUCCESS' | 'FAIL';
  /** Refunds allowed per order before 400607 (the real limit is undocumented). Default 50. */
  maxRefundsPerOrder?: number;
  /** Gate UIDs answered with 500204 (not a Gate user). Default none. */
  unknownGateUids?: readonly string[];
  port?: number;
}
