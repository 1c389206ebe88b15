import { invalidRequest, loadOptionalSetting, loadSetting, type SettingSource } from '@refunds/core';
import { gatePayReconciliationDefaults } from './gatepay-reconciliation-defaults';
import { type GatePayRefundEndpoint, type GatePaySettings, gatePayRefundEndpoints } from './gatepay-settings';
import { gatePayProductionUrl } from './gatepay-urls';

export interface GatePaySettingReaders {
  clientId(): string;
  secretKey(): string;
  /** The secret when configured, for the redactor, which must never throw. */
  configuredSecretKey(): string | undefined;
  baseUrl(): string;
  onBehalfOf(): string | undefined;
  refundEndpoint(): GatePayRefundEndpoint;
  settleWindowMs(): number;
  maximumPendingMs(): number;
}

const headerSafe = /^[\x21-\x7e]{1,64}$/;

/**
 * Reads each setting or its environment fallback when it is needed, never at import or creation, so a missing
 * credential is a clear `invalid_request` / `not_sent` at the first call naming both places to put it.
 */
export function readGatePaySettings(settings: GatePaySettings): GatePaySettingReaders {
  const source = (
    settingName: string,
    environmentVariable: string,
    value: string | undefined,
  ): SettingSource => ({
    provider: 'gatepay',
    settingName,
    environmentVariable,
    value,
  });
  const secretSource = () => source('secretKey', 'GATEPAY_SECRET_KEY', settings.secretKey);
  return {
    clientId: () => loadSetting(source('clientId', 'GATEPAY_CLIENT_ID', settings.clientId)),
    secretKey: () => loadSetting(secretSource()),
    configuredSecretKey: () => loadOptionalSetting(secretSource()),
    baseUrl: () => checkBaseUrl(loadOptionalSetting(source('baseUrl', 'GATEPAY_BASE_URL', settings.baseUrl))),
    onBehalfOf: () => {
      const value = loadOptionalSetting(source('onBehalfOf', 'GATEPAY_ON_BEHALF_OF', settings.onBehalfOf));
      return value === undefined ? undefined : checkOnBehalfOf(value);
    },
    settleWindowMs: () =>
      readMilliseconds(
        source('settleWindowMs', 'GATEPAY_SETTLE_WINDOW_MS', undefined),
        settings.settleWindowMs,
        { fallback: gatePayReconciliationDefaults.settleWindowMs, minimum: 0 },
      ),
    maximumPendingMs: () =>
      readMilliseconds(
        source('maximumPendingMs', 'GATEPAY_MAXIMUM_PENDING_MS', undefined),
        settings.maximumPendingMs,
        { fallback: gatePayReconciliationDefaults.maximumPendingMs, minimum: 1 },
      ),
    refundEndpoint: () => {
      const value = loadOptionalSetting(
        source('refundEndpoint', 'GATEPAY_REFUND_ENDPOINT', settings.refundEndpoint),
      );
      if (value === undefined) return 'standard';
      if ((gatePayRefundEndpoints as readonly string[]).includes(value))
        return value as GatePayRefundEndpoint;
      throw invalidRequest(
        'refundEndpoint',
        `refundEndpoint must be one of ${gatePayRefundEndpoints.join(', ')}, got "${value}".`,
        'gatepay',
      );
    },
  };
}

/** A duration setting: the number given, else its environment variable, else the default; never a guess. */
function readMilliseconds(
  source: SettingSource,
  value: number | undefined,
  rules: { fallback: number; minimum: number },
): number {
  const fromEnvironment = value === undefined ? loadOptionalSetting(source) : undefined;
  if (value === undefined && fromEnvironment === undefined) return rules.fallback;
  const milliseconds = value ?? (/^\d+$/.test(fromEnvironment ?? '') ? Number(fromEnvironment) : Number.NaN);
  if (Number.isSafeInteger(milliseconds) && milliseconds >= rules.minimum) return milliseconds;
  const given = value === undefined ? `${source.environmentVariable}="${fromEnvironment}"` : String(value);
  throw invalidRequest(
    source.settingName,
    `${source.settingName} (or the ${source.environmentVariable} environment variable) must be a whole number of milliseconds of at least ${rules.minimum}, got ${given}.`,
    'gatepay',
  );
}

/** A sub-account id goes into a header: it must be plain printable ASCII. */
export function checkOnBehalfOf(value: string): string {
  if (typeof value === 'string' && headerSafe.test(value)) return value;
  throw invalidRequest(
    'onBehalfOf',
    'onBehalfOf must be an institution sub-account id of 1 to 64 printable ASCII characters without spaces.',
    'gatepay',
  );
}

function checkBaseUrl(value: string | undefined): string {
  if (value === undefined) return gatePayProductionUrl;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
    throw invalidRequest(
      'baseUrl',
      `baseUrl must be an http(s) URL such as ${gatePayProductionUrl}.`,
      'gatepay',
    );
  }
  return value;
}
