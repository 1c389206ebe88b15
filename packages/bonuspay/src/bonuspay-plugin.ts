import { definePlugin } from '@refunds/core';
import { type BonusPayPluginSettings, bonusPaySettings } from './bonuspay-settings';
import { createBonusPay } from './create-bonuspay';

/** How a host finds, configures and creates BonusPay. Only `privateKey` is secret; the public keys are not. */
const bonusPayPlugin = definePlugin<BonusPayPluginSettings>({
  id: 'bonuspay',
  settingsSchema: bonusPaySettings.schema,
  secretSettings: bonusPaySettings.secretSettings,
  create: (settings) => createBonusPay(settings),
});

export default bonusPayPlugin;
