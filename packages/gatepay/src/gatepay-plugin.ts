import { definePlugin } from '@refunds/core';
import { createGatePay } from './create-gatepay';
import { type GatePayPluginSettings, gatePaySettings } from './gatepay-settings';

/** How a host discovers, configures and creates GatePay accounts. */
const gatePayPlugin = definePlugin<GatePayPluginSettings>({
  id: 'gatepay',
  settingsSchema: gatePaySettings.schema,
  secretSettings: gatePaySettings.secretSettings,
  create: (settings) => createGatePay(settings),
});

export default gatePayPlugin;
