import * as v from 'valibot';
import {
  gatePayAmountSchema,
  gateUidSchema,
  prepayIdSchema,
  refundReasonSchema,
  refundRequestIdSchema,
} from '../gatepay-send-schemas';

const noGateUid = '0';

const oneOrTwo = (meaning: string) => v.picklist([1, 2], `must be 1 or 2 (${meaning})`);

/** Body of `POST /v2/standard/order/refund`, the unified V2 refund, in GatePay's field order. */
export const standardOrderRefundBodySchema = v.pipe(
  v.strictObject({
    refundRequestId: refundRequestIdSchema,
    prepayId: prepayIdSchema,
    refundAmount: gatePayAmountSchema,
    /** Required by the V2 documentation. */
    refundReason: refundReasonSchema,
    /** 1 refunds along the original payment path, 2 to the target below. */
    refundStyle: v.optional(oneOrTwo('1 = original path, 2 = specified target')),
    /** With refundStyle 2: 1 = a Gate account (refundToGateUid), 2 = a Web3 address (refundAddress, refundChain). */
    refundPayChannel: v.optional(oneOrTwo('1 = Gate account, 2 = Web3 address')),
    /**
     * Gate UID as a digit string; it is sent as a JSON number. "0" names no account (GatePay's Go SDK sends its
     * int64 zero value with every refund): the original payment path, unless refundPayChannel is 1.
     */
    refundToGateUid: v.optional(
      v.union(
        [v.literal(noGateUid), gateUidSchema],
        'must be a Gate UID written as a string of digits, or "0" for none',
      ),
    ),
    refundAddress: v.optional(
      v.pipe(v.string(), v.regex(/^\S{1,256}$/, 'must be an address without spaces')),
    ),
    /** A chain code from `GET /v2/refund/support/chains`. */
    refundChain: v.optional(
      v.pipe(v.string(), v.regex(/^[A-Za-z0-9_.-]{1,32}$/, 'must be a chain code such as "TRX"')),
    ),
    /** 1 = the merchant pays the network fee, 2 = the user does. */
    refundBearType: v.optional(oneOrTwo('1 = merchant pays the fee, 2 = user pays it')),
    memo: v.optional(v.pipe(v.string(), v.maxLength(256, 'must be at most 256 characters'))),
  }),
  v.forward(
    v.check(
      (body) => body.refundStyle !== 2 || body.refundPayChannel !== undefined,
      'is required when refundStyle is 2',
    ),
    ['refundPayChannel'],
  ),
  v.forward(
    v.check(
      (body) =>
        body.refundPayChannel !== 1 ||
        (body.refundToGateUid !== undefined && body.refundToGateUid !== noGateUid),
      'is required when refundPayChannel is 1: the Gate UID of the account that receives the refund',
    ),
    ['refundToGateUid'],
  ),
  v.forward(
    v.check(
      (body) => body.refundPayChannel !== 2 || body.refundAddress !== undefined,
      'is required when refundPayChannel is 2',
    ),
    ['refundAddress'],
  ),
  v.forward(
    v.check(
      (body) => body.refundPayChannel !== 2 || body.refundChain !== undefined,
      'is required when refundPayChannel is 2',
    ),
    ['refundChain'],
  ),
);

export type StandardOrderRefundBody = v.InferInput<typeof standardOrderRefundBodySchema>;
