export { __camel__ErrorTable, type __Name__ErrorCode } from './__name__-error-table';
export { default } from './__name__-plugin';
export {
  __camel__ProductionUrl,
  __camel__SettingsSchema,
  type __Name__ClientSettings,
  type __Name__PluginSettings,
  type __Name__Settings,
} from './__name__-settings';
export { create__Name__ } from './create-__name__';
export {
  type __Name__Client,
  type Create__Name__RefundBody,
  create__Name__Client,
} from './create-__name__-client';
export type { __Name__Refund } from './create-refund/create-refund-api';
export { sign__Name__Payload } from './sign-__name__-payload';
export { verify__Name__Signature } from './verify-__name__-signature';
