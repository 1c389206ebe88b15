import { invalidRequest, loadOptionalSetting, loadSetting, type SettingSource } from '@refunds/core';
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
