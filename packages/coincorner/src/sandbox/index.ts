export {
  type CoinCornerSandboxMessages,
  type CoinCornerSandboxOptions,
  defaultSandboxMessages,
} from './coincorner-sandbox-options';
export { coincornerSandboxPlugin, default } from './coincorner-sandbox-plugin';
export {
  type CoinCornerSandboxSettings,
  createCoinCornerSandbox,
  type RunningCoinCornerSandbox,
} from './create-coincorner-sandbox';
