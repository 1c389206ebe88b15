import { createRedactor, type Redactor } from '@refunds/core';
import type { BonusPaySettingsLoader } from './load-bonuspay-settings';

/** Everything that leaves the package passes through this: the private key, in any form, never does. */
export function createBonusPayRedactor(loader: BonusPaySettingsLoader): Redactor {
  return createRedactor(() => loader.secrets());
}
