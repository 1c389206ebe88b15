import { invalidRequest } from '@refunds/core';
import { gatePayReconciliationDefaults } from './gatepay-reconciliation-defaults';
import { type GatePayRefundEndpoint, type GatePaySettings, gatePaySettings } from './gatepay-settings';
import { gatePayProductionUrl } from './gatepay-urls';

export interface GatePaySettingReaders {
  clientId(): string;
  secretKey(): string;
  /** The secret when configured, for the redactor, which must never throw. */
  configuredSecretKey(): string | undefined;
  baseUrl(): string;
  onBehalfOf(): string | undefined;
  refundEndpoint(): GatePayRefundEndpoint;
  settleWindowMs(): number;
  maximumPendingMs(): number;
}

const headerSafe = /^[\x21-\x7e]{1,64}$/;

/**
 * Reads each setting or its environment fallback when it is needed, never at import or creation, so a missing
 * credential is a clear `invalid_request` / `not_sent` at the first call naming both places to put it.
 */
export function readGatePaySettings(settings: GatePaySettings): GatePaySettingReaders {
  const read = gatePaySettings.read(settings);
  return {
    clientId: () => read.required('clientId'),
    secretKey: () => read.required('secretKey'),
    configuredSecretKey() {
      try {
        return read.optional('secretKey');
      } catch {
        // The redactor must never throw; an invalid key is reported by the call that needs it.
        return typeof settings.secretKey === 'string' ? settings.secretKey : undefined;
      }
    },
    baseUrl: () => read.optional('baseUrl') ?? gatePayProductionUrl,
    onBehalfOf: () => read.optional('onBehalfOf'),
    refundEndpoint: () => read.optional('refundEndpoint') ?? 'standard',
    settleWindowMs: () => read.optional('settleWindowMs') ?? gatePayReconciliationDefaults.settleWindowMs,
    maximumPendingMs: () =>
      read.optional('maximumPendingMs') ?? gatePayReconciliationDefaults.maximumPendingMs,
  };
}

/** A sub-account id given for one call goes into a header: it must be plain printable ASCII. */
export function checkOnBehalfOf(value: string): string {
  if (typeof value === 'string' && headerSafe.test(value)) return value;
  throw invalidRequest(
    'onBehalfOf',
    'onBehalfOf must be an institution sub-account id of 1 to 64 printable ASCII characters without spaces.',
    'gatepay',
  );
}
