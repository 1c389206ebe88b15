import { createFakeFetch } from '@refunds/core/testing';
import { signLikeXxPay } from '../sandbox/sign-like-xxpay';

export interface FakeIotPayFetch {
  fetch: typeof globalThis.fetch;
  /** The `params` JSON of every request received. */
  readonly requests: Record<string, unknown>[];
}

/**
 * A `fetch` that answers every request with one IOTPay body: signed (by the sandbox's independent model of
 * IOTPay's server) when `signWith` is given, the way a retCode SUCCESS answer is; unsigned otherwise.
 */
export function fakeIotPayFetch(
  body: Record<string, unknown> | ((params: Record<string, unknown>) => Record<string, unknown>),
  signWith?: string,
): FakeIotPayFetch {
  const requests: Record<string, unknown>[] = [];
  const fake = createFakeFetch((request) => {
    const params = JSON.parse(new URLSearchParams(request.body).get('params') ?? '{}') as Record<
      string,
      unknown
    >;
    requests.push(params);
    const answer = typeof body === 'function' ? body(params) : body;
    const signed = signWith === undefined ? answer : { ...answer, sign: signLikeXxPay(answer, signWith) };
    return { body: JSON.stringify(signed) };
  });
  return { fetch: fake.fetch, requests };
}

export const fakeSettings = {
  mchId: '10000576',
  merchantKey: 'TEST_MERCHANT_KEY_DO_NOT_USE',
  loginName: 'vancent',
  baseUrl: 'http://127.0.0.1:9',
};

export const fakeRequest = {
  refundId: 'R1537224899791',
  orderId: 'U00180918065500913991007022',
  amount: { amount: '10.50', currency: 'CAD' },
};
