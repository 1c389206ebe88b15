import { invalidRequest, loadOptionalSetting, loadSetting } from '@refunds/core';
import {
  type IotPayClientSettings,
  iotpayDefaultRefundQueryPath,
  iotpayProductionUrl,
} from './iotpay-settings';

export interface IotPayCredentials {
  mchId(): string;
  merchantKey(): string;
  loginName(): string;
  clientIp(): string;
  baseUrl(): string;
  refundQueryPath(): string;
  /** Whatever credentials are known right now, for redaction; never throws. */
  secrets(): (string | undefined)[];
}

/**
 * Reads each setting, or its environment variable, when it is first needed: importing or creating a client never
 * throws, and a missing credential is reported at the first call, before anything is sent.
 */
export function iotpayCredentials(settings: IotPayClientSettings): IotPayCredentials {
  const source = (settingName: keyof IotPayClientSettings, environmentVariable: string) => ({
    provider: 'iotpay',
    settingName,
    environmentVariable,
    value: settings[settingName] as string | undefined,
  });
  const merchantKey = source('merchantKey', 'IOTPAY_MERCHANT_KEY');
  return {
    mchId: () => checked('mchId', loadSetting(source('mchId', 'IOTPAY_MCH_ID')), 30),
    merchantKey: () => loadSetting(merchantKey),
    loginName: () => checked('loginName', loadSetting(source('loginName', 'IOTPAY_LOGIN_NAME')), 32),
    clientIp: () =>
      checked('clientIp', loadOptionalSetting(source('clientIp', 'IOTPAY_CLIENT_IP')) ?? '127.0.0.1', 32),
    baseUrl: () =>
      checkedUrl(loadOptionalSetting(source('baseUrl', 'IOTPAY_BASE_URL')) ?? iotpayProductionUrl),
    refundQueryPath: () =>
      checkedPath(
        loadOptionalSetting(source('refundQueryPath', 'IOTPAY_REFUND_QUERY_PATH')) ??
          iotpayDefaultRefundQueryPath,
      ),
    secrets: () => [loadOptionalSetting(merchantKey)],
  };
}

function checked(name: string, value: string, maxLength: number): string {
  if (value.length > maxLength) {
    throw invalidRequest(
      name,
      `IOTPay setting ${name} must be at most ${maxLength} characters, got ${value.length}`,
      'iotpay',
    );
  }
  return value;
}

function checkedUrl(value: string): string {
  if (!/^https?:\/\/[^\s/]+/.test(value)) {
    throw invalidRequest(
      'baseUrl',
      `IOTPay setting baseUrl must be an http(s) URL such as ${iotpayProductionUrl}`,
      'iotpay',
    );
  }
  return value;
}

function checkedPath(value: string): string {
  if (!/^\/\S*$/.test(value)) {
    throw invalidRequest(
      'refundQueryPath',
      'IOTPay setting refundQueryPath must start with "/", e.g. /v1/query_refund_order',
      'iotpay',
    );
  }
  return value;
}
