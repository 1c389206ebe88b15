import { RefundError } from '@refunds/core';
import { bonusPayCapabilities } from './bonuspay-capabilities';
import type { BonusPayProvider } from './bonuspay-provider';
import type { BonusPaySettings } from './bonuspay-settings';
import { createBonusPayClient } from './create-bonuspay-client';
import { readBonusPaySettings } from './read-bonuspay-settings';
import { readTextField } from './read-text-field';
import { checkRefundIntegrity } from './refund-adapter/check-refund-integrity';
import { nameRefusedField } from './refund-adapter/name-refused-field';
import { resolveExistingRefund } from './refund-adapter/resolve-existing-refund';
import { toPlaceRefundOrderRequest } from './refund-adapter/to-place-refund-order-request';
import { toRefundNotification } from './refund-adapter/to-refund-notification';
import { toRefundResult } from './refund-adapter/to-refund-result';

/**
 * BonusPay behind the `refunds-v1` contract. Every answer is verified against `platformPublicKey` over its raw
 * bytes, checked against the refund asked for, and mapped through one error table. Credentials are read at the
 * first call (or from `BONUSPAY_*` environment variables) and live only in closures.
 */
export function createBonusPay(settings: BonusPaySettings = {}): BonusPayProvider {
  const loader = readBonusPaySettings(settings);
  const client = createBonusPayClient(settings);

  return Object.freeze({
    specificationVersion: 'refunds-v1',
    provider: 'bonuspay',
    capabilities: bonusPayCapabilities,

    // Read when the host asks, so that creating a provider never throws for a bad environment variable.
    get reconciliation() {
      return loader.reconciliation();
    },

    async refund(request, options = {}) {
      const { bizContent, orderIdField } = toPlaceRefundOrderRequest(request, loader);
      try {
        const { body, raw } = await client.placeRefundOrder(bizContent, options);
        checkRefundIntegrity(
          body.refundOrder,
          { refundId: request.refundId, orderId: request.orderId, orderIdField, amount: bizContent.amount },
          { writes: true, raw },
        );
        return toRefundResult(body.refundOrder, request.refundId, raw);
      } catch (error) {
        // 77013 and 77005 can mean the refund already exists (a resend, or a number reused): look it up.
        const mayAlreadyExist =
          RefundError.isInstance(error) && (error.providerCode === '77013' || error.providerCode === '77005');
        if (!mayAlreadyExist) throw nameRefusedField(error);
        return resolveExistingRefund(client, bizContent, orderIdField, error, options);
      }
    },

    async getRefund(lookup, options = {}) {
      const refundId = readTextField(lookup?.refundId, {
        label: 'refundId',
        providerField: 'refundMerchantOrderNo',
        maxLength: 64,
        required: true,
      }) as string;
      const { body, raw } = await client.getRefundOrder({ refundMerchantOrderNo: refundId }, options);
      checkRefundIntegrity(
        body.refundOrder,
        {
          refundId,
          orderId: lookup.orderId,
          orderIdField: loader.orderIdField(),
          providerRefundId: lookup.providerRefundId,
        },
        { writes: false, raw },
      );
      return toRefundResult(body.refundOrder, refundId, raw);
    },

    async verifyNotification(input) {
      return toRefundNotification(await client.verifyRefundNotification(input));
    },
  } satisfies BonusPayProvider);
}
