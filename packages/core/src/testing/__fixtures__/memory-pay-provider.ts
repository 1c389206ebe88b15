import { timingSafeEqual } from 'node:crypto';
import type { RefundProviderV1, RefundResult } from '../../contract/refund-provider-v1';
import { RefundError } from '../../errors/refund-error';
import { createHttpTransport } from '../../http/create-http-transport';
import { httpStatusError } from '../../http/http-status-error';
import { parseMoney } from '../../money/parse-money';
import { createRedactor } from '../../redaction/create-redactor';
import { memoryPaySecret, signMemoryPay } from './memory-pay-sandbox';

const codes: Record<string, { code: RefundError['code']; outcome: RefundError['outcome'] }> = {
  order_not_found: { code: 'not_found', outcome: 'rejected' },
  refund_not_found: { code: 'not_found', outcome: 'rejected' },
  amount_exceeded: { code: 'declined', outcome: 'rejected' },
  bad_signature: { code: 'authentication', outcome: 'rejected' },
};

/** A provider for the made-up MemoryPay protocol, written only to test the conformance suite itself. */
export function createMemoryPay(settings: { baseUrl: string; timeoutMs?: number }): RefundProviderV1 {
  const redactor = createRedactor(() => [memoryPaySecret]);
  const transport = createHttpTransport({
    provider: 'memorypay',
    baseUrl: settings.baseUrl,
    timeoutMs: settings.timeoutMs,
    redactor,
  });

  const verified = (text: string, signature: string | null): unknown => {
    const expected = Buffer.from(signMemoryPay(text));
    const received = Buffer.from(signature ?? '');
    if (expected.length !== received.length || !timingSafeEqual(expected, received)) {
      throw new RefundError({
        code: 'signature_invalid',
        outcome: 'unknown',
        provider: 'memorypay',
        message: 'bad response signature',
      });
    }
    return JSON.parse(text);
  };

  const toResult = (
    status: number,
    text: string,
    signature: string | null,
    writes: boolean,
  ): RefundResult => {
    const payload = verified(text, signature) as Record<string, string>;
    if (status !== 200) {
      const mapped = codes[payload.error ?? ''];
      if (!mapped)
        throw httpStatusError({ provider: 'memorypay', status, writes, raw: redactor.value(payload) });
      throw new RefundError({
        ...mapped,
        provider: 'memorypay',
        providerCode: payload.error,
        message: `MemoryPay: ${payload.error}`,
      });
    }
    return {
      refundId: payload.refundId ?? '',
      provider: 'memorypay',
      status: payload.status === 'succeeded' ? 'succeeded' : 'pending',
      amount: { amount: payload.amount ?? '', currency: payload.currency ?? '' },
      raw: redactor.value(payload),
    };
  };

  return {
    specificationVersion: 'refunds-v1',
    provider: 'memorypay',
    capabilities: {
      partialRefund: true,
      multipleRefunds: true,
      statusQuery: true,
      notifications: true,
      nativeIdempotency: true,
    },
    async refund(request) {
      const amount = parseMoney(request.amount, { maxDecimals: 2 });
      const body = JSON.stringify({ refundId: request.refundId, orderId: request.orderId, ...amount });
      const response = await transport.send({
        method: 'POST',
        path: '/refunds',
        idempotent: true,
        prepare: () => ({ body, headers: { 'x-memory-signature': signMemoryPay(body) } }),
      });
      return toResult(response.status, response.text, response.headers.get('x-memory-signature'), true);
    },
    async verifyNotification(input) {
      const text = typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body);
      const signature =
        input.headers instanceof Headers
          ? input.headers.get('x-memory-signature')
          : input.headers['x-memory-signature'];
      const payload = verified(text, signature ?? null) as Record<string, string>;
      return {
        provider: 'memorypay',
        refundId: payload.refundId,
        orderId: payload.orderId,
        status: payload.status === 'succeeded' ? 'succeeded' : 'pending',
        notificationId: `${payload.refundId}:${payload.status}`,
        raw: redactor.value(payload),
        acknowledgement: { status: 200, headers: {}, body: 'OK' },
      };
    },
    async getRefund(lookup) {
      const response = await transport.send({
        method: 'GET',
        path: '/refunds',
        query: { refundId: lookup.refundId },
        idempotent: true,
        prepare: () => ({ headers: { 'x-memory-signature': signMemoryPay('') } }),
      });
      return toResult(response.status, response.text, response.headers.get('x-memory-signature'), false);
    },
  };
}
