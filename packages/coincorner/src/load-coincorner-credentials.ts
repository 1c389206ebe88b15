import { invalidRequest, loadOptionalSetting, loadSetting } from '@refunds/core';
import type { CoinCornerClientSettings } from './coincorner-settings';

export interface CoinCornerCredentials {
  apiKey: string;
  apiSecret: string;
  userId: string;
}

const provider = 'coincorner';
const environmentVariables = {
  apiKey: 'COINCORNER_API_KEY',
  apiSecret: 'COINCORNER_API_SECRET',
  userId: 'COINCORNER_USER_ID',
} as const;

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The signature is computed over ASCII: any other character would be signed differently by CoinCorner.
const printableAscii = /^[\x21-\x7e]+$/;

/** Each credential from the settings or its environment variable, read now (lazily, at the first call). */
export function loadCoinCornerCredentials(settings: CoinCornerClientSettings): CoinCornerCredentials {
  const read = (name: keyof typeof environmentVariables) =>
    loadSetting({
      provider,
      settingName: name,
      environmentVariable: environmentVariables[name],
      value: settings[name],
    });
  const credentials = { apiKey: read('apiKey'), apiSecret: read('apiSecret'), userId: read('userId') };
  // The messages never repeat the value: these are credentials.
  if (!guid.test(credentials.apiKey)) {
    throw invalidRequest(
      'apiKey',
      'apiKey must be the GUID shown as "API Key" in your CoinCorner account',
      provider,
    );
  }
  if (!printableAscii.test(credentials.apiSecret)) {
    throw invalidRequest(
      'apiSecret',
      'apiSecret must be printable ASCII without spaces: paste it again',
      provider,
    );
  }
  if (!printableAscii.test(credentials.userId)) {
    throw invalidRequest('userId', 'userId must be printable ASCII without spaces: paste it again', provider);
  }
  return credentials;
}

/** The credential values to redact, whatever state they are in; never throws. */
export function coincornerSecretValues(settings: CoinCornerClientSettings): (string | undefined)[] {
  return (['apiKey', 'apiSecret'] as const).map((name) =>
    loadOptionalSetting({
      provider,
      settingName: name,
      environmentVariable: environmentVariables[name],
      value: settings[name],
    }),
  );
}
