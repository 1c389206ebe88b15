export { definePlugin } from './define-plugin';
export type { NonceSource, PluginContext, RefundPlugin } from './refund-plugin';
export type {
  CallOptions,
  IgnoredNotification,
  NotificationAcknowledgement,
  NotificationInput,
  ReconciliationHints,
  RefundCapabilities,
  RefundDestination,
  RefundLookup,
  RefundNotification,
  RefundProviderV1,
  RefundRequest,
  RefundResult,
  RefundStatus,
} from './refund-provider-v1';
export type {
  DemoOrder,
  RefundSandboxPlugin,
  RunningSandbox,
  SandboxFault,
  SandboxFaultRule,
  SandboxNotificationSubject,
  SandboxRefundRecord,
  SandboxStartOptions,
  WantedNotification,
} from './refund-sandbox-plugin';
