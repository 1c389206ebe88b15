export {
  type AccountResolution,
  type ResolveAccountInput,
  type RoutingConfig,
  type RoutingProblem,
  resolveAccount,
} from './resolve-account';
