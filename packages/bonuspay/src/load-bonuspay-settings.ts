import {
  invalidRequest,
  loadOptionalSetting,
  loadSetting,
  type ReconciliationHints,
  readEnvironmentVariable,
} from '@refunds/core';
import { type BonusPayAsset, defaultBonusPayAssets } from './bonuspay-assets';
import { type BonusPayEnvironment, bonusPayBaseUrls } from './bonuspay-environments';
import {
  type BonusPayOrderIdField,
  type BonusPaySettings,
  bonusPayEnvironmentVariables,
  bonusPayReconciliationDefaults,
} from './bonuspay-settings';

const provider = 'bonuspay';

export interface BonusPaySettingsLoader {
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
export function loadBonusPaySettings(settings: BonusPaySettings): BonusPaySettingsLoader {
  const source = (settingName: TextSetting) => ({
    provider,
    settingName,
    environmentVariable: bonusPayEnvironmentVariables[settingName],
    value: settings[settingName],
  });

  return {
    partnerId() {
      const partnerId = loadSetting(source('partnerId'));
      if (partnerId.length > 12 || /\s/.test(partnerId)) {
        throw invalidRequest(
          'partnerId',
          `bonuspay setting \`partnerId\` must be the Partner-Id BonusPay issued (String(12), no spaces), got ${partnerId.length} characters: copy it from the merchant portal.`,
          provider,
        );
      }
      return partnerId;
    },
    privateKey: () => loadSetting(source('privateKey')),
    platformPublicKey: () => loadSetting(source('platformPublicKey')),
    baseUrl() {
      // Checked even when baseUrl overrides it, so a typo never goes unnoticed.
      const environment = loadOptionalSetting(source('environment')) ?? 'production';
      if (environment !== 'production' && environment !== 'sandbox') {
        throw invalidRequest(
          'environment',
          `bonuspay setting \`environment\` must be "production" or "sandbox", got ${JSON.stringify(environment)}.`,
          provider,
        );
      }
      const explicit = loadOptionalSetting(source('baseUrl'));
      if (explicit !== undefined) return requireHttpUrl(explicit, 'baseUrl');
      return bonusPayBaseUrls[environment as BonusPayEnvironment];
    },
    notifyUrl() {
      const notifyUrl = loadOptionalSetting(source('notifyUrl'));
      return notifyUrl === undefined ? undefined : requireHttpUrl(notifyUrl, 'notifyUrl');
    },
    contentLanguage() {
      const contentLanguage = settings.contentLanguage ?? 'en';
      if (!/^[A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})?$/.test(contentLanguage) || contentLanguage.length > 10) {
        throw invalidRequest(
          'contentLanguage',
          `bonuspay setting \`contentLanguage\` must be a language tag of at most 10 characters such as "en", got ${JSON.stringify(contentLanguage.slice(0, 20))}.`,
          provider,
        );
      }
      return contentLanguage;
    },
    orderIdField() {
      const field = settings.orderIdField ?? 'originMerchantOrderNo';
      if (field !== 'originMerchantOrderNo' && field !== 'originOrderNo') {
        throw invalidRequest(
          'orderIdField',
          `bonuspay setting \`orderIdField\` must be "originMerchantOrderNo" or "originOrderNo", got ${JSON.stringify(field)}.`,
          provider,
        );
      }
      return field;
    },
    assets: () => settings.assets ?? defaultBonusPayAssets,
    restrictIdCharacters: () => settings.restrictIdCharacters ?? true,
    reconciliation: () => ({
      settleWindowMs: loadDuration(settings, 'settleWindowMs', 0),
      maximumPendingMs: loadDuration(settings, 'maximumPendingMs', 1),
    }),
    secrets: () => [loadOptionalSetting(source('privateKey'))],
  };
}

type TextSetting = Exclude<keyof typeof bonusPayEnvironmentVariables, DurationSetting>;
type DurationSetting = 'settleWindowMs' | 'maximumPendingMs';

/** A whole number of milliseconds from the setting, else its environment variable, else the default. */
function loadDuration(settings: BonusPaySettings, settingName: DurationSetting, minimum: number): number {
  const environmentVariable = bonusPayEnvironmentVariables[settingName];
  const given = settings[settingName];
  const text = given === undefined ? readEnvironmentVariable(environmentVariable)?.trim() : undefined;
  if (given === undefined && !text) return bonusPayReconciliationDefaults[settingName];
  // Digits only from the environment: Number() would also take "1e3", "0x10" or "".
  const value = given ?? (/^\d+$/.test(text ?? '') ? Number(text) : Number.NaN);
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw invalidRequest(
      settingName,
      `bonuspay setting \`${settingName}\` (or ${environmentVariable}) must be a whole number of milliseconds of at least ${minimum}, got ${given === undefined ? JSON.stringify(text) : String(given)}.`,
      provider,
    );
  }
  return value;
}

function requireHttpUrl(value: string, settingName: string): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (url === undefined || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    throw invalidRequest(
      settingName,
      `bonuspay setting \`${settingName}\` must be an absolute http(s) URL, got ${JSON.stringify(value.slice(0, 80))}.`,
      provider,
    );
  }
  return value;
}
