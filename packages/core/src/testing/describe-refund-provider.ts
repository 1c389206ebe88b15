import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NotificationInput, RefundProviderV1, RefundRequest } from '../contract/refund-provider-v1';
import type { DemoOrder, RunningSandbox } from '../contract/refund-sandbox-plugin';
import { RefundError } from '../errors/refund-error';
import { addAmounts, compareAmounts } from '../money/index';
import type { Money } from '../money/money';
import { refundErrorOf as expectRefundError } from './describe-error-table';

export interface ConformanceSubject {
  /** The adapter pointed at the sandbox; the suite asks for a short timeout in the timeout test. */
  createProvider(overrides?: { timeoutMs?: number }): RefundProviderV1;
  sandbox: RunningSandbox;
  /** The amount of each order the suite seeds, e.g. `{ amount: '10.00', currency: 'USDT' }`. */
  orderAmount: Money;
  /** A partial amount the provider accepts for such an order, e.g. '3.00'. */
  partialAmount: string;
  /**
   * The signed notification the provider sends once the refund is final (providers with notifications). Default:
   * the sandbox's own `notificationFor` (the sandbox contract), its latest notification as posted.
   */
  notificationFor?(refund: { refundId: string; orderId: string }): Promise<NotificationInput>;
  /**
   * A forged copy of a notification. By default the refund id in the body is altered; providers whose
   * notifications carry no refund id (CoinCorner) say how a forgery looks for them.
   */
  tamperNotification?(
    input: NotificationInput,
    refund: { refundId: string; orderId: string },
  ): NotificationInput;
  /**
   * The path of the refund write, so that faults meant for it do not land on a read the adapter makes first.
   * Every request when absent.
   */
  refundPath?: string;
  /** The provider signs its responses, so a tampered one must be refused. */
  signedResponses: boolean;
}

let sequence = 0;
const uniqueRefundId = (): string => `cf${Date.now().toString(36)}${(sequence++).toString(36)}`;

const requestFor = (order: DemoOrder, amount: string, refundId = uniqueRefundId()): RefundRequest => ({
  refundId,
  orderId: order.orderId,
  amount: { amount, currency: order.amount.currency },
  reason: 'conformance test',
  ...(order.destination ? { destination: order.destination } : {}),
  ...(order.providerOptions ? { providerOptions: order.providerOptions } : {}),
});

const executedFor = (sandbox: RunningSandbox, order: DemoOrder) =>
  sandbox.executedRefunds().filter((record) => record.orderId === order.orderId);

const bodyText = (body: string | Uint8Array): string =>
  typeof body === 'string' ? body : new TextDecoder().decode(body);

/**
 * The behaviour every `refunds-v1` provider owes its users, run against the provider's sandbox. Which cases
 * run follows the capabilities the provider declares, so a declaration that lies fails here.
 */
export function describeRefundProvider(name: string, setup: () => Promise<ConformanceSubject>): void {
  describe(`refunds-v1 conformance: ${name}`, () => {
    let subject: ConformanceSubject;
    let provider: RefundProviderV1;
    const seed = () => subject.sandbox.seedOrder({ amount: subject.orderAmount });

    beforeAll(async () => {
      subject = await setup();
      provider = subject.createProvider();
    });
    afterAll(async () => {
      await subject?.sandbox.close();
    });

    it('declares the refunds-v1 contract', () => {
      expect(provider.specificationVersion).toBe('refunds-v1');
      expect(provider.provider).toMatch(/^[a-z0-9-]+$/);
      expect(typeof provider.refund).toBe('function');
      expect(typeof provider.getRefund).toBe('function');
      expect(typeof provider.verifyNotification === 'function').toBe(provider.capabilities.notifications);
    });

    it('refunds an order in full, exactly once', async () => {
      const order = await seed();
      const request = requestFor(order, order.amount.amount);
      const result = await provider.refund(request);
      expect(result.refundId).toBe(request.refundId);
      expect(result.provider).toBe(provider.provider);
      expect(['pending', 'succeeded']).toContain(result.status);
      expect(compareAmounts(result.amount.amount, order.amount.amount)).toBe(0);
      expect(result.amount.currency).toBe(order.amount.currency);
      expect(executedFor(subject.sandbox, order)).toHaveLength(1);
    });

    it('refuses a JavaScript number amount before sending anything', async () => {
      const order = await seed();
      const request = { ...requestFor(order, '1'), amount: { amount: 1, currency: order.amount.currency } };
      const error = await expectRefundError(provider.refund(request as unknown as RefundRequest));
      expect(error.code).toBe('invalid_request');
      expect(error.outcome).toBe('not_sent');
      expect(executedFor(subject.sandbox, order)).toHaveLength(0);
    });

    it('refuses to refund more than the order', async () => {
      const order = await seed();
      const tooMuch = addAmounts(order.amount.amount, order.amount.amount);
      const error = await expectRefundError(provider.refund(requestFor(order, tooMuch)));
      expect(['declined', 'invalid_request']).toContain(error.code);
      expect(error.outcome).not.toBe('unknown');
      expect(executedFor(subject.sandbox, order)).toHaveLength(0);
    });

    it('reports an unknown order as not found or declined, never as unknown', async () => {
      const order = await seed();
      const error = await expectRefundError(
        provider.refund(requestFor({ ...order, orderId: `${order.orderId}9` }, subject.partialAmount)),
      );
      expect(['not_found', 'declined']).toContain(error.code);
      expect(error.outcome).toBe('rejected');
    });

    it('refunds part of an order when it says it can', async ({ skip }) => {
      if (!provider.capabilities.partialRefund) skip('partialRefund is false');
      const order = await seed();
      const result = await provider.refund(requestFor(order, subject.partialAmount));
      expect(compareAmounts(result.amount.amount, subject.partialAmount)).toBe(0);
      const executed = executedFor(subject.sandbox, order);
      expect(executed).toHaveLength(1);
      expect(compareAmounts(executed[0]?.amount ?? '0', subject.partialAmount)).toBe(0);
    });

    it('takes several partial refunds up to the order amount when it says it can', async ({ skip }) => {
      if (!provider.capabilities.multipleRefunds) skip('multipleRefunds is false');
      const order = await seed();
      await provider.refund(requestFor(order, subject.partialAmount));
      await provider.refund(requestFor(order, subject.partialAmount));
      expect(executedFor(subject.sandbox, order)).toHaveLength(2);
      const error = await expectRefundError(provider.refund(requestFor(order, order.amount.amount)));
      expect(['declined', 'invalid_request']).toContain(error.code);
      expect(executedFor(subject.sandbox, order)).toHaveLength(2);
    });

    it('never executes a reused refund id twice when it claims native idempotency', async ({ skip }) => {
      if (!provider.capabilities.nativeIdempotency) skip('nativeIdempotency is false');
      const order = await seed();
      const request = requestFor(order, subject.partialAmount);
      const first = await provider.refund(request);
      const second = await provider.refund(request).then(
        (result) => result,
        (error: unknown) => error,
      );
      if (RefundError.isInstance(second)) {
        expect(second.code).toBe('duplicate');
      } else {
        expect((second as typeof first).refundId).toBe(first.refundId);
      }
      expect(executedFor(subject.sandbox, order)).toHaveLength(1);
    });

    it('reports the final status through getRefund when it says it can', async ({ skip }) => {
      if (!provider.capabilities.statusQuery) skip('statusQuery is false');
      const order = await seed();
      const request = requestFor(order, subject.partialAmount);
      const accepted = await provider.refund(request);
      await subject.sandbox.settleAll();
      const final = await provider.getRefund({
        refundId: request.refundId,
        orderId: order.orderId,
        providerRefundId: accepted.providerRefundId,
      });
      expect(final.refundId).toBe(request.refundId);
      expect(final.status).toBe('succeeded');
      expect(compareAmounts(final.amount.amount, subject.partialAmount)).toBe(0);
    });

    it('verifies a notification round trip and refuses a tampered one', async ({ skip }) => {
      if (!provider.capabilities.notifications) skip('notifications is false');
      const { sandbox } = subject;
      const notificationFor =
        subject.notificationFor ??
        (sandbox.notificationFor && (async (refund) => sandbox.notificationFor!(refund, 'latest')));
      if (!notificationFor || !provider.verifyNotification) {
        throw new Error(
          'a provider with notifications must give the suite notificationFor (or its sandbox one) and verifyNotification',
        );
      }
      const order = await seed();
      const request = requestFor(order, subject.partialAmount);
      await provider.refund(request);
      await subject.sandbox.settleAll();
      const input = await notificationFor({ refundId: request.refundId, orderId: order.orderId });
      const notification = await provider.verifyNotification(input);
      if (notification.kind === 'ignored')
        throw new Error(`a refund notification was ignored: ${notification.reason}`);
      expect(notification.refundId ?? notification.orderId).toBe(
        notification.refundId ? request.refundId : order.orderId,
      );
      expect(notification.status).toBe('succeeded');
      expect(notification.acknowledgement.status).toBe(200);
      expect(notification.notificationId).not.toBe('');

      const forged = subject.tamperNotification
        ? subject.tamperNotification(input, { refundId: request.refundId, orderId: order.orderId })
        : { ...input, body: bodyText(input.body).replace(request.refundId, `${request.refundId}X`) };
      expect(bodyText(forged.body)).not.toBe(bodyText(input.body));
      const error = await expectRefundError(provider.verifyNotification(forged));
      expect(error.code).toBe('signature_invalid');
      if (sandbox.notificationBodySigned === false) return;
      // A signature over the body refuses any change to it, even one a JSON reader would not notice.
      const padded = { ...input, body: `${bodyText(input.body)} ` };
      expect((await expectRefundError(provider.verifyNotification(padded))).code).toBe('signature_invalid');
    });

    it('refuses a response whose signature was tampered with', async ({ skip }) => {
      if (!subject.signedResponses) skip('responses are not signed');
      const order = await seed();
      subject.sandbox.injectFault({ fault: { kind: 'tampered-signature' }, path: subject.refundPath });
      const error = await expectRefundError(provider.refund(requestFor(order, subject.partialAmount)));
      expect(error.code).toBe('signature_invalid');
      expect(error.outcome).toBe('unknown');
    });

    it('leaves a refund that timed out after the provider committed unknown, then finds it', async () => {
      const order = await seed();
      const impatient = subject.createProvider({ timeoutMs: 250 });
      // Every attempt is slow: a provider that honours refund ids natively may retry, and must still give up.
      subject.sandbox.injectFault({
        fault: { kind: 'latency', ms: 1_000 },
        path: subject.refundPath,
        times: 5,
      });
      const request = requestFor(order, subject.partialAmount);
      const error = await expectRefundError(impatient.refund(request));
      subject.sandbox.clearFaults();
      expect(error.code).toBe('timeout');
      expect(error.outcome).toBe('unknown');
      expect(executedFor(subject.sandbox, order)).toHaveLength(1);
      if (provider.capabilities.statusQuery) {
        const found = await provider.getRefund({ refundId: request.refundId, orderId: order.orderId });
        expect(['pending', 'succeeded']).toContain(found.status);
        expect(found.refundId).toBe(request.refundId);
      }
      expect(executedFor(subject.sandbox, order)).toHaveLength(1);
    });
  });
}
