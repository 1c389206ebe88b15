import { md5Hex } from '@refunds/core';
import { buildIotPayStringToSign, type IotPaySignableValue } from './build-iotpay-string-to-sign';

/** IOTPay's `sign`: the uppercase hex MD5 (over UTF-8) of the string to sign. */
export async function signIotPayParams(
  fields: Readonly<Record<string, IotPaySignableValue>>,
  merchantKey: string,
): Promise<string> {
  return (await md5Hex(buildIotPayStringToSign(fields, merchantKey))).toUpperCase();
}
