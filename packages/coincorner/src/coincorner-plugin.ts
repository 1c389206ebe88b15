import { definePlugin } from '@refunds/core';
import { hostNonceSource } from './coincorner-nonce-scope';
import { type CoinCornerPluginSettings, coincornerSettings } from './coincorner-settings';
import { createCoinCorner } from './create-coincorner';
import { readCoinCornerSettings } from './read-coincorner-settings';

/** How the host discovers CoinCorner: `{ "package": "@refunds/coincorner" }` in its config. */
export const coincornerPlugin = definePlugin<CoinCornerPluginSettings>({
  id: 'coincorner',
  settingsSchema: coincornerSettings.schema,
  secretSettings: coincornerSettings.secretSettings,
  // A host shares its nonce store between its processes: CoinCorner takes nonces per key, whoever sends them.
  create: (settings, context) =>
    createCoinCorner(
      context?.nonceSource
        ? {
            ...settings,
            nonceSource: hostNonceSource(context.nonceSource, () => readCoinCornerSettings(settings).apiKey),
          }
        : settings,
    ),
});

export default coincornerPlugin;
