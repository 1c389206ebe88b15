import type { RefundSandboxPlugin } from '@refunds/core';
import { createBonusPaySandbox } from './create-bonuspay-sandbox';

/** What a host's sandbox mode starts: a BonusPay simulator and the settings that point the plugin at it. */
const bonusPaySandboxPlugin: RefundSandboxPlugin = {
  specificationVersion: 'refunds-v1',
  id: 'bonuspay',
  start: (options) => createBonusPaySandbox(options),
};

export default Object.freeze(bonusPaySandboxPlugin);
