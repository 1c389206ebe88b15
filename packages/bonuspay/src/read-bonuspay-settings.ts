import type { ReconciliationHints } from '@refunds/core';
import { type BonusPayAsset, defaultBonusPayAssets } from './bonuspay-assets';
import { bonusPayBaseUrls } from './bonuspay-environments';
import {
  type BonusPayOrderIdField,
  type BonusPaySettings,
  bonusPayReconciliationDefaults,
  bonusPaySettings,
} from './bonuspay-settings';

export interface BonusPaySettingReaders {
  partnerId(): string;
  privateKey(): string;
  platformPublicKey(): string;
  baseUrl(): string;
  notifyUrl(): string | undefined;
  contentLanguage(): string;
  orderIdField(): BonusPayOrderIdField;
  assets(): Readonly<Record<string, BonusPayAsset>>;
  restrictIdCharacters(): boolean;
  reconciliation(): Required<ReconciliationHints>;
  /** Every secret value known so far, for the redactor. */
  secrets(): (string | undefined)[];
}

/**
 * Reads each setting, or its environment variable, when it is first needed, so that creating a provider never
 * throws and a missing credential is reported at the first call, naming the setting and the variable. The
 * settings object stays in this closure: nothing returned to the caller holds a credential as a property.
 */
export function readBonusPaySettings(settings: BonusPaySettings): BonusPaySettingReaders {
  // The asset table is used as given (the plugin schema checks a host's); the rest is read through the declaration.
  const read = bonusPaySettings.read({ ...settings, assets: undefined });
  return {
    partnerId: () => read.required('partnerId'),
    privateKey: () => read.required('privateKey'),
    platformPublicKey: () => read.required('platformPublicKey'),
    baseUrl() {
      // Checked even when baseUrl overrides it, so a typo never goes unnoticed.
      const environment = read.optional('environment') ?? 'production';
      return read.optional('baseUrl') ?? bonusPayBaseUrls[environment];
    },
    notifyUrl: () => read.optional('notifyUrl'),
    contentLanguage: () => read.optional('contentLanguage') ?? 'en',
    orderIdField: () => read.optional('orderIdField') ?? 'originMerchantOrderNo',
    assets: () => settings.assets ?? defaultBonusPayAssets,
    restrictIdCharacters: () => settings.restrictIdCharacters ?? true,
    reconciliation: () => ({
      settleWindowMs: read.optional('settleWindowMs') ?? bonusPayReconciliationDefaults.settleWindowMs,
      maximumPendingMs: read.optional('maximumPendingMs') ?? bonusPayReconciliationDefaults.maximumPendingMs,
    }),
    secrets() {
      try {
        return [read.optional('privateKey')];
      } catch {
        // The redactor must never throw; an invalid key is reported by the call that needs it.
        return [typeof settings.privateKey === 'string' ? settings.privateKey : undefined];
      }
    },
  };
}
