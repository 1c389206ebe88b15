import { definePlugin } from '@refunds/core';
import { createIotPay } from './create-iotpay';
import { type IotPayPluginSettings, iotpaySettings } from './iotpay-settings';

/** How the host discovers IOTPay: validates its settings and creates the provider. */
const iotpayPlugin = definePlugin<IotPayPluginSettings>({
  id: 'iotpay',
  settingsSchema: iotpaySettings.schema,
  secretSettings: iotpaySettings.secretSettings,
  create: (settings) => createIotPay(settings),
});

export default iotpayPlugin;
