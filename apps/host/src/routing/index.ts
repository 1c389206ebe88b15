export {
  type AccountResolution,
  maximumOrderIdLength,
  type ResolveAccountInput,
  type RoutingConfig,
  type RoutingProblem,
  resolveAccount,
} from './resolve-account';
export type { RouteRule } from './route-rule';
