import type { DemoOrder } from '@refunds/core';
import { refundErrorCodes } from '@refunds/core';
import fc from 'fast-check';

/**
 * Hostile requests to the host, shared by the route fuzzing suite and the soak's mixed traffic: arbitrary
 * parameters, query strings, methods, headers, content types and bodies, most of them close enough to valid
 * to reach the handlers.
 */

export interface HostileTarget {
  routes: readonly { method: string; path: string }[];
  apiKey: string;
  accounts: readonly string[];
  demoOrders: ReadonlyMap<string, readonly DemoOrder[]>;
}

export const printable = fc.stringMatching(/^[\x20-\x7e]{0,40}$/);
const headerName = fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/);
const contentType = fc.oneof(
  fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/jsonx',
    '',
  ),
  printable,
);
export const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), printable);

/** Mostly `valid`, sometimes anything: enough valid fields that a case reaches the next check. */
const mostly = <Value>(valid: fc.Arbitrary<Value>, hostile: fc.Arbitrary<unknown> = anyText) =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: hostile });

/** A refund body that is almost right, so fuzzing gets past JSON and schema checks into the refund path. */
export function nearValidRefund(target: HostileTarget) {
  const orders = [...target.demoOrders].flatMap(([account, list]) =>
    list.map((order) => ({ account, order })),
  );
  return fc.constantFrom(...orders).chain(({ account, order }) =>
    fc.record(
      {
        refundId: mostly(fc.stringMatching(/^[a-zA-Z0-9_-]{1,64}$/)),
        orderId: mostly(fc.constant(order.orderId)),
        amount: mostly(
          fc.record({
            amount: mostly(
              fc.oneof(
                fc.constant(order.amount.amount),
                fc.constantFrom('0', '0.00', '0.01', '1', '999999999999999999', '1.123456789'),
                fc.stringMatching(/^\d{1,18}(\.\d{1,18})?$/),
              ),
            ),
            currency: mostly(fc.constant(order.amount.currency), fc.oneof(anyText, fc.constant('XXX'))),
          }),
          fc.anything(),
        ),
        account: mostly(fc.constant(account), fc.oneof(anyText, fc.constantFrom(...target.accounts))),
        reason: anyText,
        destination: mostly(
          fc.constant(order.destination ?? {}),
          fc.oneof(
            fc.record({ address: anyText, network: anyText, accountId: anyText }, { requiredKeys: [] }),
            fc.anything(),
          ),
        ),
        providerOptions: mostly(
          fc.constant(order.providerOptions ?? {}),
          fc.oneof(fc.dictionary(anyText, fc.jsonValue(), { maxKeys: 4 }), fc.anything()),
        ),
      },
      { requiredKeys: ['refundId', 'orderId', 'amount'] },
    ),
  );
}

export function hostileRequest(target: HostileTarget) {
  return fc.record({
    route: fc.constantFrom(...target.routes),
    // Mostly the route's own method, so that most cases reach its handler.
    otherMethod: fc.oneof(
      { weight: 6, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS') },
    ),
    parameters: fc.array(fc.oneof(anyText, fc.constantFrom(...target.accounts)), {
      minLength: 2,
      maxLength: 2,
    }),
    query: fc.dictionary(
      fc.oneof(fc.constantFrom('account', 'state', 'orderId', 'limit', 'cursor'), anyText),
      anyText,
      { maxKeys: 4 },
    ),
    authorization: fc.oneof(
      { weight: 6, arbitrary: fc.constant(`Bearer ${target.apiKey}`) },
      fc.constant(undefined),
      printable.map((text) => `Bearer ${text}`),
      printable,
    ),
    contentType: fc.oneof(
      { weight: 3, arbitrary: fc.constant('application/json') },
      { weight: 2, arbitrary: contentType },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    headers: fc.dictionary(headerName, printable, { maxKeys: 4 }),
    body: fc.oneof(
      anyText,
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      { weight: 4, arbitrary: nearValidRefund(target).map((value) => JSON.stringify(value)) },
      fc.uint8Array({ maxLength: 256 }),
    ),
  });
}

export type HostileRequest =
  ReturnType<typeof hostileRequest> extends fc.Arbitrary<infer Value> ? Value : never;

export function toRequest(sample: HostileRequest): { path: string; init: RequestInit } {
  let index = 0;
  const path = sample.route.path.replace(/:[a-zA-Z]+/g, () =>
    encodeURIComponent(sample.parameters[index++] ?? 'x'),
  );
  const query = new URLSearchParams(sample.query).toString();
  const method = sample.otherMethod ?? sample.route.method;
  const headers: Record<string, string> = { ...sample.headers };
  if (sample.authorization !== undefined) headers.authorization = sample.authorization;
  if (sample.contentType !== null) headers['content-type'] = sample.contentType;
  const withBody = method !== 'GET' && method !== 'HEAD';
  return {
    path: `${path}${query ? `?${query}` : ''}`,
    init: { method, headers, ...(withBody ? { body: sample.body as BodyInit } : {}) },
  };
}

/**
 * What is wrong with the host's answer to a hostile request, or undefined when nothing is: never a 5xx, every
 * error typed (a code a program can switch on, a message a person can read), and a recorded refund in a state
 * the host can explain with the contract's own codes.
 */
export function describeBadAnswer(
  status: number,
  text: string,
  isRefundCreation: boolean,
): string | undefined {
  if (status >= 500) return `answered ${status}: ${text}`;
  if (status >= 400 && status !== 405) {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = JSON.parse(text) as typeof body;
    } catch {}
    if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string')
      return `an untyped ${status}: ${text}`;
  }
  if (status >= 200 && status < 300 && isRefundCreation) {
    // `unknown` is honest only when the provider may have acted; a request refused before sending, or a
    // provider that threw something other than a RefundError on hostile input ('internal'), must never leave
    // one for a person.
    const refund = JSON.parse(text) as { state: string; failure?: { code: string } };
    if (!['succeeded', 'pending', 'failed', 'unknown', 'needs_attention'].includes(refund.state))
      return `a refund in state ${refund.state}: ${text}`;
    if (refund.failure && !refundErrorCodes.includes(refund.failure.code as never))
      return `a failure code outside the contract: ${text}`;
    if (refund.state === 'unknown' && refund.failure?.code === 'invalid_request')
      return `a refund refused before sending left unknown: ${text}`;
  }
  return undefined;
}
