import { loadOptionalSetting, loadSetting } from '@refunds/core';
import { __camel__ProductionUrl, type __Name__ClientSettings } from './__name__-settings';

export interface __Name__Credentials {
  merchantId(): string;
  secretKey(): string;
  baseUrl(): string;
  /** Whatever secrets are known right now, for redaction; never throws. */
  secrets(): (string | undefined)[];
}

/**
 * Reads each setting, or its environment variable, when it is first needed: importing or creating a client never
 * throws, and a missing credential is reported at the first call, before anything is sent.
 */
export function __camel__Credentials(settings: __Name__ClientSettings): __Name__Credentials {
  const source = (settingName: 'merchantId' | 'secretKey' | 'baseUrl', environmentVariable: string) => ({
    provider: '__name__',
    settingName,
    environmentVariable,
    value: settings[settingName],
  });
  const secretKey = source('secretKey', '__ENV___SECRET_KEY');
  return {
    merchantId: () => loadSetting(source('merchantId', '__ENV___MERCHANT_ID')),
    secretKey: () => loadSetting(secretKey),
    baseUrl: () => loadOptionalSetting(source('baseUrl', '__ENV___BASE_URL')) ?? __camel__ProductionUrl,
    secrets: () => [loadOptionalSetting(secretKey)],
  };
}
