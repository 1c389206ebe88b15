import { createRedactor, type Redactor } from '@refunds/core';
import type { BonusPaySettingReaders } from './read-bonuspay-settings';

/** Everything that leaves the package passes through this: the private key, in any form, never does. */
export function createBonusPayRedactor(loader: BonusPaySettingReaders): Redactor {
  return createRedactor(() => loader.secrets());
}
