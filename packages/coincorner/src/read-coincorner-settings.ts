import { invalidRequest } from '@refunds/core';
import { type CoinCornerClientSettings, coincornerSettings } from './coincorner-settings';

export interface CoinCornerSettingReaders {
  apiKey: string;
  apiSecret: string;
  userId: string;
}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The signature is computed over ASCII: any other character would be signed differently by CoinCorner.
const printableAscii = /^[\x21-\x7e]+$/;

/** Each credential from the settings or its environment variable, read now (lazily, at the first call). */
export function readCoinCornerSettings(settings: CoinCornerClientSettings): CoinCornerSettingReaders {
  const read = coincornerSettings.read(settings);
  const credentials = {
    apiKey: read.required('apiKey'),
    apiSecret: read.required('apiSecret'),
    userId: read.required('userId'),
  };
  // The messages never repeat the value: these are credentials.
  const refuse = (name: keyof CoinCornerSettingReaders, rule: string) => {
    throw invalidRequest(name, `${name} ${rule}`, 'coincorner');
  };
  if (!guid.test(credentials.apiKey))
    refuse('apiKey', 'must be the GUID shown as "API Key" in your CoinCorner account');
  if (!printableAscii.test(credentials.apiSecret))
    refuse('apiSecret', 'must be printable ASCII without spaces: paste it again');
  if (!printableAscii.test(credentials.userId))
    refuse('userId', 'must be printable ASCII without spaces: paste it again');
  return credentials;
}

/** The credential values to redact, whatever state they are in; never throws. */
export function coincornerSecretValues(settings: CoinCornerClientSettings): (string | undefined)[] {
  const read = coincornerSettings.read(settings);
  return (['apiKey', 'apiSecret'] as const).map((name) => {
    try {
      return read.optional(name);
    } catch {
      // An invalid credential is still a secret: redact it as given.
      return settings[name] || undefined;
    }
  });
}
