import { definePlugin } from '@refunds/core';
import { createIotPay } from './create-iotpay';
import { type IotPayPluginSettings, iotpaySettingsSchema } from './iotpay-settings-schema';

/** How the host discovers IOTPay: validates its settings and creates the provider. */
const iotpayPlugin = definePlugin<IotPayPluginSettings>({
  id: 'iotpay',
  settingsSchema: iotpaySettingsSchema,
  secretSettings: ['merchantKey'],
  create: (settings) => createIotPay(settings),
});

export default iotpayPlugin;
