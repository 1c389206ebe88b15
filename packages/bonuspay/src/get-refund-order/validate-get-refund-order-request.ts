import { invalidRequest } from '@refunds/core';
import * as v from 'valibot';
import { describeInput } from '../read-text-field';
import { requestIssueToError } from '../request-issue-to-error';
import {
  type GetRefundOrderRequest,
  getRefundOrderLimits,
  getRefundOrderRequestSchema,
} from './get-refund-order-options';

/** Checks the lookup before it is sent: BonusPay's fields only, exactly one id, within their lengths. */
export function validateGetRefundOrderRequest(input: unknown): GetRefundOrderRequest {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw invalidRequest('lookup', `the lookup must be an object, got ${describeInput(input)}.`, 'bonuspay');
  }
  const present = Object.fromEntries(
    Object.entries(input).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = v.safeParse(getRefundOrderRequestSchema, present);
  if (!parsed.success) throw requestIssueToError(parsed.issues, (field) => field, getRefundOrderLimits);
  const { refundMerchantOrderNo, orderNo } = parsed.output;
  if (refundMerchantOrderNo !== undefined && orderNo === undefined) return { refundMerchantOrderNo };
  if (orderNo !== undefined && refundMerchantOrderNo === undefined) return { orderNo };
  throw invalidRequest(
    'refundMerchantOrderNo',
    `give exactly one of refundMerchantOrderNo and orderNo: BonusPay's getOrder refuses ${orderNo === undefined ? 'neither' : 'both'}.`,
    'bonuspay',
  );
}
