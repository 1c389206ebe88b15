import { invalidRequest } from '@refunds/core';
import * as v from 'valibot';
import { describeInput } from '../read-text-field';
import { requestIssueToError } from '../request-issue-to-error';
import {
  type PlaceRefundOrderField,
  type PlaceRefundOrderRequest,
  type PlaceRefundOrderRules,
  placeRefundOrderLimits,
  placeRefundOrderRequestSchema,
} from './place-refund-order-options';
import { readRefundDestination } from './read-refund-destination';
import { readRefundMoney } from './read-refund-money';

const merchantNumber = /^[A-Za-z0-9_-]+$/;

/**
 * Checks a refund against everything BonusPay documents before it is signed and sent: its fields and lengths
 * (strictly, through the schema), the "exactly one of" order rule, Money precision per asset, the asset/chain
 * pairs. Returns the request with empty optional fields left out; throws `invalid_request` / `not_sent`
 * naming the field and the rule.
 */
export function validatePlaceRefundOrderRequest(
  input: unknown,
  rules: PlaceRefundOrderRules,
): PlaceRefundOrderRequest {
  const label = (field: string): string => rules.labels?.[field as PlaceRefundOrderField] ?? field;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidRequest('request', `the refund must be an object, got ${describeInput(input)}.`, 'bonuspay');
  }
  // Empty optional fields are left out: BonusPay ignores empty parameters, so they must not reach the signature.
  const present = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = v.safeParse(placeRefundOrderRequestSchema, present);
  if (!parsed.success) throw requestIssueToError(parsed.issues, label, placeRefundOrderLimits);
  const request = parsed.output;

  for (const field of ['refundMerchantOrderNo', 'originMerchantOrderNo'] as const) {
    const value = request[field];
    if (rules.restrictIdCharacters && value !== undefined && !merchantNumber.test(value)) {
      throw invalidRequest(
        label(field),
        `${label(field)} may contain only letters, digits, "-" and "_" (BonusPay's rule for merchant order numbers), got ${JSON.stringify(value.slice(0, 40))}.`,
        'bonuspay',
      );
    }
  }
  if ((request.originMerchantOrderNo === undefined) === (request.originOrderNo === undefined)) {
    const both = request.originMerchantOrderNo !== undefined;
    throw invalidRequest(
      label(both ? 'originOrderNo' : 'originMerchantOrderNo'),
      `give exactly one of originMerchantOrderNo and originOrderNo (${label('originMerchantOrderNo')}): BonusPay refuses ${both ? 'both' : 'neither'}.`,
      'bonuspay',
    );
  }
  const amount = readRefundMoney(request.amount, label('amount'), rules.assets);
  if (request.notifyUrl !== undefined && !/^https?:\/\/[^\s/]+/i.test(request.notifyUrl)) {
    throw invalidRequest(
      label('notifyUrl'),
      `${label('notifyUrl')} must be an absolute http(s) URL.`,
      'bonuspay',
    );
  }
  const destination = readRefundDestination(
    { chainCode: request.chainCode, refundAddress: request.refundAddress, currency: amount.currency },
    { chainCode: label('chainCode'), refundAddress: label('refundAddress') },
    rules.assets,
  );
  return { ...request, amount, ...destination };
}
