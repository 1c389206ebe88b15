import {
  type CallOptions,
  createRedactor,
  type RefundLookup,
  type RefundProviderV1,
  type RefundRequest,
  type RefundResult,
} from '@refunds/core';
import * as v from 'valibot';
import { createIotPayClient } from './create-iotpay-client';
import { iotpayText } from './iotpay-field-rules';
import { loadIotPayReconciliationHints } from './iotpay-reconciliation-hints';
import type { IotPaySettings } from './iotpay-settings';
import { parseIotPayOptions } from './parse-iotpay-options';
import { readIotPaySettings } from './read-iotpay-settings';
import { checkRefundOrderEcho } from './refund-adapter/check-refund-order-echo';
import { toRefundOrderOptions } from './refund-adapter/to-refund-order-options';
import { toRefundResult } from './refund-adapter/to-refund-result';
import { resolveRefusedRefund } from './resolve-refused-refund';

const lookupSchema = v.object({
  refundId: iotpayText(30),
  orderId: v.optional(iotpayText(64)),
  providerRefundId: v.optional(iotpayText(64)),
});

/**
 * IOTPay behind the `refunds-v1` contract. `refundId` becomes mchRefundNo, `orderId` is payOrderId, and the
 * amount is sent in exact cents. A refund is `pending` when IOTPay accepts it (it runs asynchronously) until
 * getRefund reads a final status: IOTPay sends no refund notification.
 */
export function createIotPay(settings: IotPaySettings = {}): RefundProviderV1 {
  const client = createIotPayClient(settings);
  const readers = readIotPaySettings(settings);
  const redactor = createRedactor(readers.secrets);
  const currency = settings.currency ?? 'CAD';
  const duplicateErrorCodes = settings.duplicateErrorCodes ?? ['0014'];

  const getRefund = async (lookup: RefundLookup, callOptions?: CallOptions): Promise<RefundResult> => {
    const checked = parseIotPayOptions(lookupSchema, lookup, 'getRefund');
    const response = await client.queryRefundOrder({ mchRefundNo: checked.refundId }, callOptions);
    return toRefundResult(response, checked, { currency, raw: redactor.value(response) });
  };

  const refund = async (request: RefundRequest, callOptions?: CallOptions): Promise<RefundResult> => {
    const plan = toRefundOrderOptions(request);
    const mchId = readers.mchId();
    let response: Awaited<ReturnType<typeof client.refundOrder>>;
    try {
      response = await client.refundOrder(
        {
          mchRefundNo: plan.mchRefundNo,
          payOrderId: plan.payOrderId,
          refundAmount: plan.refundAmount,
          currency: plan.currency,
          channelId: plan.channelId,
          device: plan.device,
          clientIp: plan.clientIp,
        },
        callOptions,
      );
    } catch (error) {
      return resolveRefusedRefund(error, plan, {
        duplicateErrorCodes,
        resend: callOptions?.resend === true,
        lookup: () => client.queryRefundOrder({ mchRefundNo: plan.mchRefundNo }, callOptions),
        redact: redactor.value,
      });
    }
    const raw = redactor.value(response);
    checkRefundOrderEcho(response, { ...plan, mchId }, raw);
    return {
      refundId: plan.mchRefundNo,
      provider: 'iotpay',
      ...(response.refundOrderId ? { providerRefundId: response.refundOrderId } : {}),
      status: 'pending',
      amount: plan.amount,
      raw,
    };
  };

  return Object.freeze({
    specificationVersion: 'refunds-v1',
    provider: 'iotpay',
    capabilities: Object.freeze({
      partialRefund: true,
      multipleRefunds: true,
      statusQuery: true,
      notifications: false,
      nativeIdempotency: settings.nativeIdempotency ?? false,
    }),
    // A getter, so that the environment is read when the host asks, never at import or creation.
    get reconciliation() {
      return loadIotPayReconciliationHints(settings);
    },
    refund,
    getRefund,
  });
}
