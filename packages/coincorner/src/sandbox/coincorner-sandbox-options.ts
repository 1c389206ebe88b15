import type { SandboxStartOptions } from '@refunds/core';

/** The texts of the sandbox's `{"Message": ...}` errors. CoinCorner's real texts are undocumented. */
export interface CoinCornerSandboxMessages {
  invalidSignature: string;
  invalidNonce: string;
  orderNotFound: string;
  orderNotRefundable: string;
  amountTooLarge: string;
  invalidAmount: string;
  invalidAddress: string;
  invalidRefundType: string;
}

/** Every inferred behaviour of the simulator is one of these options; the defaults follow the reference. */
export interface CoinCornerSandboxOptions extends SandboxStartOptions {
  /**
   * How long a refund stays invisible to CheckOrder and GetOrder after RefundOrder executed it: they go on
   * answering the order's earlier status (2 Complete, which says "no refund"), as a lagging read side would.
   * RefundOrder itself sees the refund at once. Default 0; `setReadLag(ms)` changes it for later refunds.
   */
  readLagMs?: number;
  /** Where webhooks go; none are sent without it. */
  notificationUrl?: string;
  /** How long a refund stays -4 (Pending Refund) before it becomes -5 (Refunded). Default 2000 ms. */
  settleAfterMs?: number;
  /** Fixed credentials; random ones by default. */
  credentials?: { apiKey: string; apiSecret: string; userId: string };
  /** 'strict' (default): each nonce must exceed the key's last one. 'unique': it must only be new. */
  nonceRule?: 'strict' | 'unique';
  /** 'single' (default): one refund per order. 'cumulative': several, up to the invoice amount. */
  refundMode?: 'single' | 'cumulative';
  /** RefundOrder's success body: 'empty' (default) or 'json-string' (`""`). Both are plausible; neither documented. */
  refundAnswer?: 'empty' | 'json-string';
  /** An order CheckOrder does not know: 'http-400' (default) or 'status-na' (200 with OrderStatusText "N/A"). */
  unknownOrderAnswer?: 'http-400' | 'status-na';
  /** The status of a bad key, signature or nonce. Default 400. */
  authenticationFailureStatus?: 400 | 401;
  /** Also accept the PHP plugins' signature, which keeps the user id's case. Default false. */
  acceptPreservedUserIdCase?: boolean;
  /** Most decimal places RefundOrder's Amount may have. Default 8. */
  amountMaxDecimals?: number;
  /** Delays before each webhook redelivery (CoinCorner resends up to 3 times). Default [200, 1000, 3000]. */
  notificationRetryDelaysMs?: readonly number[];
  messages?: Partial<CoinCornerSandboxMessages>;
}

export const defaultSandboxMessages: CoinCornerSandboxMessages = {
  invalidSignature: 'Invalid signature',
  invalidNonce: 'Invalid nonce',
  orderNotFound: 'Order not found',
  orderNotRefundable: 'Order cannot be refunded',
  amountTooLarge: 'Refund amount exceeds the amount remaining on the order',
  invalidAmount: 'Invalid amount',
  invalidAddress: 'Invalid address',
  invalidRefundType: 'Invalid refund type',
};
