import { invalidRequest, loadOptionalSetting, type ReconciliationHints } from '@refunds/core';
import type { IotPaySettings } from './iotpay-settings';

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
  return {
    settleWindowMs: milliseconds(
      'settleWindowMs',
      'IOTPAY_SETTLE_WINDOW_MS',
      settings.settleWindowMs,
      iotpayDefaultSettleWindowMs,
      0,
    ),
    maximumPendingMs: milliseconds(
      'maximumPendingMs',
      'IOTPAY_MAXIMUM_PENDING_MS',
      settings.maximumPendingMs,
      iotpayDefaultMaximumPendingMs,
      1,
    ),
  };
}

function milliseconds(
  settingName: string,
  environmentVariable: string,
  value: number | undefined,
  fallback: number,
  minimum: number,
): number {
  const text = loadOptionalSetting({
    provider: 'iotpay',
    settingName,
    environmentVariable,
    value: value === undefined ? undefined : String(value),
  });
  if (text === undefined) return fallback;
  // Milliseconds, not money; the digits-only check below refuses what parseInt would half-read ("2m").
  const parsed = Number.parseInt(text, 10);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(parsed) || parsed < minimum) {
    throw invalidRequest(
      settingName,
      `IOTPay setting ${settingName} (or ${environmentVariable}) must be a whole number of milliseconds >= ${minimum}, got ${JSON.stringify(text)}`,
      'iotpay',
    );
  }
  return parsed;
}
