import {
  formatAmount,
  invalidRequest,
  type Money,
  parseMoney,
  type RefundRequest,
  toMinorUnits,
} from '@refunds/core';
import * as v from 'valibot';
import { iotpayChannelId, iotpayMaxAmountCents, iotpayText } from '../iotpay-field-rules';
import { type IotPayCurrency, iotpayCurrencies } from '../iotpay-settings';
import { withIotPayProvider } from '../with-iotpay-provider';

const providerOptionsSchema = v.strictObject(
  {
    channelId: v.optional(iotpayChannelId),
    device: v.optional(iotpayText(64)),
    clientIp: v.optional(iotpayText(32)),
  },
  'accepts only channelId, device and clientIp',
);

export interface IotPayRefundPlan {
  mchRefundNo: string;
  payOrderId: string;
  refundAmount: bigint;
  currency: IotPayCurrency;
  channelId?: string;
  device?: string;
  clientIp?: string;
  /** The amount as the result reports it, with IOTPay's two decimals. */
  amount: Money;
}

/**
 * Checks a `RefundRequest` against what IOTPay accepts and turns it into refund_order fields: the amount becomes
 * exact integer cents (a fraction of a cent is refused, never rounded). Nothing is sent when this throws.
 */
export function toRefundOrderOptions(request: RefundRequest): IotPayRefundPlan {
  if (typeof request !== 'object' || request === null) {
    throw invalidRequest(
      'request',
      'the refund request must be an object with refundId, orderId and amount',
      'iotpay',
    );
  }
  const mchRefundNo = parseField(
    'refundId',
    request.refundId,
    iotpayText(30),
    'it becomes IOTPay mchRefundNo',
  );
  const payOrderId = parseField('orderId', request.orderId, iotpayText(64), 'it is IOTPay payOrderId');
  const money = withIotPayProvider(() =>
    parseMoney(request.amount, { currencies: iotpayCurrencies, maxDecimals: 2, max: '21474836.47' }),
  );
  const refundAmount = withIotPayProvider(() =>
    toMinorUnits(money.amount, 2, { maxUnits: iotpayMaxAmountCents }),
  );
  const destination = request.destination;
  if (
    destination !== undefined &&
    destination !== null &&
    Object.values(destination).some((value) => value !== undefined)
  ) {
    throw invalidRequest(
      'destination',
      'destination is not supported: IOTPay always refunds to the original WeChat Pay, Alipay or UnionPay payment; remove it',
      'iotpay',
    );
  }
  const options = parseField(
    'providerOptions',
    request.providerOptions ?? {},
    providerOptionsSchema,
    'IOTPay options',
  );
  return {
    mchRefundNo,
    payOrderId,
    refundAmount,
    // parseMoney accepted only IOTPay's currencies.
    currency: money.currency as IotPayCurrency,
    ...options,
    amount: { amount: formatAmount(money.amount, 2), currency: money.currency },
  };
}

function parseField<Schema extends v.GenericSchema>(
  field: string,
  value: unknown,
  schema: Schema,
  context: string,
): v.InferOutput<Schema> {
  const result = v.safeParse(schema, value);
  if (result.success) return result.output;
  const issue = result.issues[0];
  const path = [field, ...(issue.path?.map((item) => String(item.key)) ?? [])].join('.');
  throw invalidRequest(path, `${path} ${issue.message} (${context})`, 'iotpay');
}
