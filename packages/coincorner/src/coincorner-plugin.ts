import { definePlugin } from '@refunds/core';
import { hostNonceSource } from './coincorner-nonce-scope';
import { type CoinCornerPluginSettings, coincornerSettingsSchema } from './coincorner-settings-schema';
import { createCoinCorner } from './create-coincorner';
import { loadCoinCornerCredentials } from './load-coincorner-credentials';

/** How the host discovers CoinCorner: `{ "package": "@refunds/coincorner" }` in its config. */
export const coincornerPlugin = definePlugin<CoinCornerPluginSettings>({
  id: 'coincorner',
  settingsSchema: coincornerSettingsSchema,
  secretSettings: ['apiKey', 'apiSecret'],
  // A host shares its nonce store between its processes: CoinCorner takes nonces per key, whoever sends them.
  create: (settings, context) =>
    createCoinCorner(
      context?.nonceSource
        ? {
            ...settings,
            nonceSource: hostNonceSource(
              context.nonceSource,
              () => loadCoinCornerCredentials(settings).apiKey,
            ),
          }
        : settings,
    ),
});

export default coincornerPlugin;
