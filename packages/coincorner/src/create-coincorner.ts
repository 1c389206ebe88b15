import type { RefundProviderV1 } from '@refunds/core';
import type { CoinCornerAdapterContext } from './coincorner-adapter-context';
import { coincornerCapabilities } from './coincorner-capabilities';
import { coincornerLimits } from './coincorner-limits';
import { coincornerReconciliationDefaults } from './coincorner-reconciliation';
import { type CoinCornerSettings, coincornerSettings } from './coincorner-settings';
import { coincornerClientOver } from './create-coincorner-client';
import { createCoinCornerSender } from './create-coincorner-sender';
import { getRefundFromOrder } from './get-refund/get-refund-from-order';
import { refundWithCoinCorner } from './refund-adapter/refund-with-coincorner';
import { createRefundMemory } from './refund-memory';
import { verifyCoinCornerNotification } from './refund-notification/verify-coincorner-notification';

/**
 * CoinCorner behind the `refunds-v1` contract. Plain settings are checked now; credentials are read at the
 * first call (settings first, then `COINCORNER_API_KEY`, `COINCORNER_API_SECRET`, `COINCORNER_USER_ID`). Each
 * refund first reads its order to check the currency (`verifyOrderBeforeRefund`, default true).
 */
export function createCoinCorner(settings: CoinCornerSettings = {}): RefundProviderV1 {
  const read = coincornerSettings.read(settings);
  // Plain settings are checked now; credentials, which may come from the environment, at the first call.
  const checked = {
    baseUrl: read.optional('baseUrl'),
    timeoutMs: read.optional('timeoutMs'),
    userIdCase: read.optional('userIdCase'),
    refundType: read.optional('refundType'),
    amountMaxDecimals: read.optional('amountMaxDecimals'),
    verifyOrderBeforeRefund: read.optional('verifyOrderBeforeRefund'),
    reconciliation: read.optional('reconciliation'),
  };
  const sender = createCoinCornerSender(settings);
  const context: CoinCornerAdapterContext = {
    sender,
    client: coincornerClientOver(sender),
    memory: createRefundMemory(),
    refundType: checked.refundType ?? coincornerLimits.defaultRefundType,
    amountMaxDecimals: checked.amountMaxDecimals ?? coincornerLimits.defaultAmountMaxDecimals,
    verifyOrderBeforeRefund: checked.verifyOrderBeforeRefund ?? true,
  };
  return Object.freeze({
    specificationVersion: 'refunds-v1',
    provider: 'coincorner',
    capabilities: coincornerCapabilities,
    reconciliation: Object.freeze({ ...coincornerReconciliationDefaults, ...checked.reconciliation }),
    refund: (request, options) => refundWithCoinCorner(context, request, options),
    getRefund: (lookup, options) => getRefundFromOrder(context, lookup, options),
    verifyNotification: (input) => verifyCoinCornerNotification(context, input),
  } satisfies RefundProviderV1);
}
