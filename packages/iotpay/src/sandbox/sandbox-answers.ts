import type { LoopbackResponse } from '@refunds/core/sandbox';
import { signLikeXxPay } from './sign-like-xxpay';

// Integers such as amounts in cents are bigints here, written as JSON numbers digit for digit.
const json = (body: Record<string, unknown>): LoopbackResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json;charset=UTF-8' },
  body: `{${Object.entries(body)
    .map(
      ([name, value]) =>
        `${JSON.stringify(name)}:${typeof value === 'bigint' ? value.toString() : JSON.stringify(value)}`,
    )
    .join(',')}}`,
});

/** `retCode: FAIL`: the request was refused before any business logic. Unsigned, as XxPay's makeRetFail. */
export function communicationFailure(retMsg: string): LoopbackResponse {
  return json({ retCode: 'FAIL', retMsg });
}

/** A `retCode: SUCCESS` answer, signed with the merchant key over every field, as XxPay's makeRetData. */
export function signedAnswer(fields: Record<string, unknown>, key: string): LoopbackResponse {
  const body = { retCode: 'SUCCESS', retMsg: '', ...fields };
  return json({ ...body, sign: signLikeXxPay(body, key) });
}

/** `retCode: SUCCESS, resCode: FAIL`: a business refusal, signed. */
export function businessFailure(errCode: string, errCodeDes: string, key: string): LoopbackResponse {
  return signedAnswer({ resCode: 'FAIL', errCode, errCodeDes }, key);
}
