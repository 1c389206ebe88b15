import type { ReconciliationHints } from '@refunds/core';
import { type IotPaySettings, iotpaySettings } from './iotpay-settings';

/**
 * How long after a lost answer IOTPay's refund query may still say "does not exist". IOTPay documents no read lag;
 * its XxPay lineage records the refund before answering, so two minutes is a margin, not a measurement.
 */
export const iotpayDefaultSettleWindowMs = 120_000;

/**
 * How long a refund may stay "refunding" (status 0 or 1) before a person should look. IOTPay hands refunds to
 * WeChat Pay, Alipay and UnionPay, whose refunds to bank cards take several business days; seven days covers
 * three business days around a weekend and a holiday.
 */
export const iotpayDefaultMaximumPendingMs = 7 * 24 * 60 * 60 * 1000;

/** The reconciliation hints from the settings, their environment variables, or the defaults above. */
export function loadIotPayReconciliationHints(settings: IotPaySettings): Required<ReconciliationHints> {
  const read = iotpaySettings.read(settings);
  return {
    settleWindowMs: read.optional('settleWindowMs') ?? iotpayDefaultSettleWindowMs,
    maximumPendingMs: read.optional('maximumPendingMs') ?? iotpayDefaultMaximumPendingMs,
  };
}
