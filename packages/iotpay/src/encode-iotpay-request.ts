import { readJsonFields } from './json/read-json-fields';
import { type JsonFieldValue, writeJsonFields } from './json/write-json-fields';
import { signIotPayParams } from './signing/sign-iotpay-params';

/**
 * The exact body IOTPay expects: one form field `params` holding the JSON with its `sign`, percent-encoded (the
 * official PHP sample sends raw JSON, which breaks as soon as a value holds `&`, `+` or `%`).
 */
export async function encodeIotPayRequest(
  fields: Readonly<Record<string, JsonFieldValue>>,
  merchantKey: string,
): Promise<string> {
  // The sign is computed over the JSON as the server will read it back, so it covers exactly what is sent.
  const unsigned = readJsonFields(writeJsonFields(fields)).signable;
  const sign = await signIotPayParams(unsigned, merchantKey);
  return new URLSearchParams({ params: writeJsonFields({ ...fields, sign }) }).toString();
}
