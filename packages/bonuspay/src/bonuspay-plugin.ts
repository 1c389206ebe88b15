import { definePlugin } from '@refunds/core';
import { type BonusPayPluginSettings, bonusPaySettingsSchema } from './bonuspay-settings-schema';
import { createBonusPay } from './create-bonuspay';

/** How a host finds, configures and creates BonusPay. Only `privateKey` is secret; the public keys are not. */
const bonusPayPlugin = definePlugin<BonusPayPluginSettings>({
  id: 'bonuspay',
  settingsSchema: bonusPaySettingsSchema,
  secretSettings: ['privateKey'],
  create: (settings) => createBonusPay(settings),
});

export default bonusPayPlugin;
