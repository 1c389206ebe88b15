import { checkPlatformPublicKey } from './api/check-platform-public-key';
import type { BonusPayClient } from './bonuspay-client';
import type { BonusPaySettings } from './bonuspay-settings';
import { createBonusPayRedactor } from './create-bonuspay-redactor';
import { createBonusPaySender } from './create-bonuspay-sender';
import { getRefundOrder } from './get-refund-order/get-refund-order';
import { placeRefundOrder } from './place-refund-order/place-refund-order';
import { readBonusPaySettings } from './read-bonuspay-settings';
import { verifyRefundNotification } from './refund-notification/verify-refund-notification';

/**
 * The low-level BonusPay client. Credentials are read when first needed and live only in closures, so
 * logging or serializing the client shows no secret.
 */
export function createBonusPayClient(settings: BonusPaySettings = {}): BonusPayClient {
  const loader = readBonusPaySettings(settings);
  const redactor = createBonusPayRedactor(loader);
  const sender = createBonusPaySender(loader, redactor, {
    fetch: settings.fetch,
    timeoutMs: settings.timeoutMs,
    hooks: settings.hooks,
  });
  const rules = () => ({ assets: loader.assets(), restrictIdCharacters: loader.restrictIdCharacters() });

  return Object.freeze({
    placeRefundOrder: (request, options) => placeRefundOrder(sender, rules(), request, options),
    getRefundOrder: (request, options) => getRefundOrder(sender, request, options),
    async verifyRefundNotification(input) {
      const platformPublicKey = loader.platformPublicKey();
      await checkPlatformPublicKey(platformPublicKey);
      return verifyRefundNotification(input, platformPublicKey, redactor);
    },
  } satisfies BonusPayClient);
}
