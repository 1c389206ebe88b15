/** What the unified `refund` passes to the endpoint it calls, from `CallOptions`. */
export interface RefundCallOptions {
  signal?: AbortSignal | undefined;
  /**
   * A resend of a refund whose earlier attempt may have executed: refusals that such an execution explains are
   * `outcome: 'unknown'` (see `gatePayErrorTable`).
   */
  resend?: boolean | undefined;
}
