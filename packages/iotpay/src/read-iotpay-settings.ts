import {
  type IotPayClientSettings,
  iotpayDefaultRefundQueryPath,
  iotpayProductionUrl,
  iotpaySettings,
} from './iotpay-settings';
export interface IotPaySettingReaders {
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
 * throws, and a missing or invalid credential is reported at the first call, before anything is sent.
 */
export function readIotPaySettings(settings: IotPayClientSettings): IotPaySettingReaders {
  const read = iotpaySettings.read(settings);
  return {
    mchId: () => read.required('mchId'),
    merchantKey: () => read.required('merchantKey'),
    loginName: () => read.required('loginName'),
    clientIp: () => read.optional('clientIp') ?? '127.0.0.1',
    baseUrl: () => read.optional('baseUrl') ?? iotpayProductionUrl,
    refundQueryPath: () => read.optional('refundQueryPath') ?? iotpayDefaultRefundQueryPath,
    secrets: () => {
      try {
        return [read.optional('merchantKey')];
      } catch {
        // The redactor must never throw; an invalid key is reported by the call that needs it.
        return [];
      }
    },
  };
}
