import { invalidRequest, type Money, parseMoney, RefundError } from '@refunds/core';
import { gatePayAmountRules } from '../gatepay-amount-rules';
import { prepayIdSchema, refundReasonSchema, refundRequestIdSchema } from '../gatepay-send-schemas';
import type { GatePayRefundEndpoint } from '../gatepay-settings';
import { parseGatePayInput } from '../parse-gatepay-input';
import {
  type GatePayRefundOptions,
  gatePayRefundOptionsSchema,
  refundOptionEndpoints,
} from './gatepay-refund-options';
import { type RefundTarget, resolveRefundTarget } from './resolve-refund-target';

/** A refund request that passed every check GatePay's documentation allows before anything is sent. */
export interface ValidatedRefund {
  endpoint: GatePayRefundEndpoint;
  /** Sent as `refundRequestId`. */
  refundId: string;
  /** Sent as `prepayId`. */
  orderId: string;
  amount: Money;
  reason: string | undefined;
  /** The reason, or the configured default for the endpoints that require one. */
  reasonOrDefault: string;
  target: RefundTarget;
  options: GatePayRefundOptions;
}

/** Checks a `RefundRequest` against GatePay's rules; every refusal is `invalid_request` / `not_sent`. */
export function validateRefundRequest(
  request: unknown,
  defaults: { endpoint: () => GatePayRefundEndpoint; reason: string },
): ValidatedRefund {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    throw invalidRequest(
      'request',
      'request must be an object with refundId, orderId and amount.',
      'gatepay',
    );
  }
  const input = request as Record<string, unknown>;
  const refundId = parseGatePayInput(refundRequestIdSchema, input.refundId, 'refundId');
  const orderId = parseGatePayInput(prepayIdSchema, input.orderId, 'orderId');
  const amount = asGatePayError(() => parseMoney(input.amount, { ...gatePayAmountRules }));
  const reason =
    input.reason === undefined ? undefined : parseGatePayInput(refundReasonSchema, input.reason, 'reason');
  const options = parseGatePayInput(
    gatePayRefundOptionsSchema,
    input.providerOptions ?? {},
    'providerOptions',
  );
  const endpoint = options.endpoint ?? defaults.endpoint();
  for (const [option, endpoints] of Object.entries(refundOptionEndpoints)) {
    if (options[option as keyof typeof refundOptionEndpoints] === undefined) continue;
    if (!(endpoints as readonly string[]).includes(endpoint)) {
      throw invalidRequest(
        `providerOptions.${option}`,
        `providerOptions.${option} only applies to endpoint "${endpoints.join('", "')}", not "${endpoint}".`,
        'gatepay',
      );
    }
  }
  if (endpoint === 'convert' && options.refundPayCurrency === undefined) {
    throw invalidRequest(
      'providerOptions.refundPayCurrency',
      'providerOptions.refundPayCurrency is required by endpoint "convert": the currency the user paid with, such as "USDT".',
      'gatepay',
    );
  }
  const target = resolveRefundTarget(input.destination, endpoint);
  return {
    endpoint,
    refundId,
    orderId,
    amount,
    reason,
    reasonOrDefault: reason || defaults.reason,
    target,
    options,
  };
}

// Core's money errors do not know which provider refused the amount.
function asGatePayError<Value>(parse: () => Value): Value {
  try {
    return parse();
  } catch (error) {
    if (!RefundError.isInstance(error)) throw error;
    throw new RefundError({
      code: error.code,
      outcome: error.outcome,
      field: error.field,
      provider: 'gatepay',
      message: `${error.message} (GatePay accepts ${gatePayAmountRules.min} to ${gatePayAmountRules.max} with at most ${gatePayAmountRules.maxDecimals} decimal places).`,
    });
  }
}
