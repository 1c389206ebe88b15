import { __camel__ProductionUrl, __camel__Settings, type __Name__ClientSettings } from './__name__-settings';

export interface __Name__SettingReaders {
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
export function read__Name__Settings(settings: __Name__ClientSettings): __Name__SettingReaders {
  const read = __camel__Settings.read(settings);
  return {
    merchantId: () => read.required('merchantId'),
    secretKey: () => read.required('secretKey'),
    baseUrl: () => read.optional('baseUrl') ?? __camel__ProductionUrl,
    secrets: () => {
      try {
        return [read.optional('secretKey')];
      } catch {
        // The redactor must never throw; an invalid key is reported by the call that needs it.
        return [];
      }
    },
  };
}
