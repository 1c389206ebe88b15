import { definePlugin } from '@refunds/core';
import { __camel__Settings, type __Name__PluginSettings } from './__name__-settings';
import { create__Name__ } from './create-__name__';

/** How the host discovers __Name__: validates its settings and creates the provider. */
const __camel__Plugin = definePlugin<__Name__PluginSettings>({
  id: '__name__',
  settingsSchema: __camel__Settings.schema,
  secretSettings: __camel__Settings.secretSettings,
  create: (settings) => create__Name__(settings),
});

export default __camel__Plugin;
