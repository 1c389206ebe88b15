import { checkPlatformPublicKey } from './api/check-platform-public-key';
import { createBonusPayConnection } from './api/create-bonuspay-connection';
import type { BonusPayClient } from './bonuspay-client';
import type { BonusPaySettings } from './bonuspay-settings';
import { createBonusPayRedactor } from './create-bonuspay-redactor';
import { getRefundOrder } from './get-refund-order/get-refund-order';
import { loadBonusPaySettings } from './load-bonuspay-settings';
import { placeRefundOrder } from './place-refund-order/place-refund-order';
import { verifyRefundNotification } from './refund-notification/verify-refund-notification';

/**
 * The low-level BonusPay client. Credentials are read when first needed and live only in closures, so
 * logging or serializing the client shows no secret.
 */
export function createBonusPayClient(settings: BonusPaySettings = {}): BonusPayClient {
  const loader = loadBonusPaySettings(settings);
  const redactor = createBonusPayRedactor(loader);
  const connection = createBonusPayConnection(loader, redactor, {
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    hooks: settings.hooks,
  });
  const rules = () => ({ assets: loader.assets(), restrictIdCharacters: loader.restrictIdCharacters() });

  return Object.freeze({
    placeRefundOrder: (request, options) => placeRefundOrder(connection, rules(), request, options),
    getRefundOrder: (request, options) => getRefundOrder(connection, request, options),
    async verifyRefundNotification(input) {
      const platformPublicKey = loader.platformPublicKey();
      await checkPlatformPublicKey(platformPublicKey);
      return verifyRefundNotification(input, platformPublicKey, redactor);
    },
  } satisfies BonusPayClient);
}
