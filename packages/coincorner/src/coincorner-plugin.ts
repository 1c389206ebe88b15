import { definePlugin } from '@refunds/core';
import { type CoinCornerPluginSettings, coincornerSettingsSchema } from './coincorner-settings-schema';
import { createCoinCorner } from './create-coincorner';

/** How the host discovers CoinCorner: `{ "package": "@refunds/coincorner" }` in its config. */
export const coincornerPlugin = definePlugin<CoinCornerPluginSettings>({
  id: 'coincorner',
  settingsSchema: coincornerSettingsSchema,
  secretSettings: ['apiKey', 'apiSecret'],
  create: (settings) => createCoinCorner(settings),
});

export default coincornerPlugin;
