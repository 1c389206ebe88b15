import { timingSafeEqual } from '@refunds/core';
import type { IotPaySignableValue } from './build-iotpay-string-to-sign';
import { signIotPayParams } from './sign-iotpay-params';

/**
 * Whether the fields carry a `sign` made with this merchant key. IOTPay (like XxPay, which it forks) compares
 * signs case-insensitively; the comparison itself takes the same time wherever the signs differ.
 */
export async function verifyIotPaySignature(
  fields: Readonly<Record<string, IotPaySignableValue>>,
  merchantKey: string,
): Promise<boolean> {
  const received = fields.sign;
  if (typeof received !== 'string' || received === '') return false;
  const expected = await signIotPayParams(fields, merchantKey);
  return timingSafeEqual(received.toUpperCase(), expected);
}
