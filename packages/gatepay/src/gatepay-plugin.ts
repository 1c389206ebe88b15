import { definePlugin } from '@refunds/core';
import { createGatePay } from './create-gatepay';
import { type GatePayPluginSettings, gatePaySettingsSchema } from './gatepay-settings-schema';

/** How a host discovers, configures and creates GatePay accounts. */
const gatePayPlugin = definePlugin<GatePayPluginSettings>({
  id: 'gatepay',
  settingsSchema: gatePaySettingsSchema,
  secretSettings: ['secretKey'],
  create: (settings) => createGatePay(settings),
});

export default gatePayPlugin;
