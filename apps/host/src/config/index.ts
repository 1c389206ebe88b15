export {
  type AccountConfig,
  type AccountReconciliation,
  type ApiKeyConfig,
  type HostConfig,
  hostConfigSchema,
  type RouteRule,
  type SecretReference,
  type WebhookEndpointConfig,
  type WebhooksConfig,
} from './host-config';
export { formatHostConfigProblem, HostConfigError, type HostConfigProblem } from './host-config-error';
export {
  defaultConfigCandidates,
  defaultConfigFileNames,
  findDefaultConfig,
  type LoadConfigOptions,
  loadConfig,
} from './load-config';
export { parseHostConfig } from './parse-host-config';
