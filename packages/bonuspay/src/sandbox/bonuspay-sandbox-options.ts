import type { SandboxStartOptions } from '@refunds/core';
import type { BonusPayAsset } from '../bonuspay-assets';
import type { SandboxKeyPairs } from './generate-sandbox-key-pairs';

/** How a settled refund ends: BonusPay's SUCCESS, or FAILURE with its failCode and failDes. */
export type SandboxRefundOutcome = 'SUCCESS' | { failCode: string; failDes: string };

/**
 * Options of the BonusPay simulator. Everything the reference marks as inferred or unknown is an option here,
 * with the reference's default.
 */
export interface BonusPaySandboxOptions extends SandboxStartOptions {
  /** Where notifications go when a refund's own `notifyUrl` is not on this machine. */
  notificationUrl?: string;
  /** How long a refund stays CREATED before it settles. Default 2000 ms. */
  settleAfterMs?: number;
  /**
   * How long a refund stays invisible to `getOrder` after it was executed, as a BonusPay whose read side lags
   * its writes: getOrder answers BonusPay's "does not exist" (77004, or 77016 by orderNo) meanwhile. Writes see
   * the refund at once (a reused refund number is still recognised). Default 0; `setReadLag` changes it for
   * refunds executed from then on.
   */
  readLagMs?: number;
  /** How a refund settles. Default: every refund succeeds. */
  settleAs?: (refund: {
    refundMerchantOrderNo: string;
    amount: string;
    currency: string;
  }) => SandboxRefundOutcome;
  /** Pass through PayBy's REFUNDED_SETTLED (notified) before the final status. Default false. */
  passThroughSettled?: boolean;
  /** Notification body shape: flat, as the PayBy SDK sends it (default), or wrapped in `{"body":...}`. */
  notificationShape?: 'flat' | 'wrapped';
  /**
   * Delays between redeliveries of an unacknowledged notification. BonusPay retries after 2, 10, 10, 60, 120,
   * 360 and 900 minutes; the default keeps that shape at 100 ms per minute.
   */
  notificationRetryDelaysMs?: readonly number[];
  /** Fraction digits of amounts in notifications (BonusPay writes Decimal(12,8), e.g. 1.50000000). Default 8. */
  notificationAmountScale?: number;
  /** The requestTime window either side of the sandbox clock. Default 15 minutes. */
  requestTimeWindowMs?: number;
  /** Refuse a request whose exact signature was already seen (BonusPay documents no nonce). Default false. */
  rejectReplays?: boolean;
  /**
   * Which check wins when a reused refund number would also exceed the balance: 77013 first (default) or
   * 77005 first. The real order is undocumented.
   */
  duplicateCheck?: 'before-amount' | 'after-amount';
  /**
   * How an exact retry (same refundMerchantOrderNo, same parameters) is answered: with the original refund order,
   * executing nothing (default; BonusPay keeps 77013 for the same number with different parameters), or refused
   * with 77013 like a reuse, as a stricter gateway might.
   */
  identicalRetry?: 'original-order' | 'refuse';
  /** `head.code` of the unsigned `applyStatus:"ERROR"` answer to a bad request signature. Default "400". */
  invalidSignatureCode?: string;
  /** The sandbox merchant's Partner-Id; default a random 12-digit id. */
  partnerId?: string;
  /**
   * The merchant's and the platform's key pairs. Default: two fresh RSA-2048 pairs generated at start; pass
   * pairs made with `generateSandboxKeyPairs` to start many sandboxes quickly (never real keys).
   */
  keyPairs?: SandboxKeyPairs;
  /** Asset table the sandbox enforces; default BonusPay's documented one. */
  assets?: Readonly<Record<string, BonusPayAsset>>;
}

export const bonusPaySandboxDefaults = {
  settleAfterMs: 2_000,
  notificationRetryDelaysMs: [200, 1_000, 1_000, 6_000, 12_000, 36_000, 90_000],
  notificationAmountScale: 8,
  requestTimeWindowMs: 15 * 60_000,
  invalidSignatureCode: '400',
} as const;
