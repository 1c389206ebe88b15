import { randomBytes } from 'node:crypto';
import type {
  DemoOrder,
  NotificationInput,
  RunningSandbox,
  SandboxNotificationSubject,
  SandboxRefundRecord,
  WantedNotification,
} from '@refunds/core';
import { createLoopbackServer, type LoopbackRequest } from '@refunds/core/sandbox';
import { gatePayInstitutionPrefix } from '../gatepay-urls';
import { createSandboxAuthenticator } from './authenticate-sandbox-request';
import { createSandboxLedger, type SandboxRefund, type SeedOrderInput } from './create-sandbox-ledger';
import {
  createSandboxNotifier,
  type GatePaySandboxNotification,
  type RefundBizStatus,
} from './create-sandbox-notifier';
import { createSandboxRoutes } from './create-sandbox-routes';
import { createSandboxSettler } from './create-sandbox-settler';
import type { GatePaySandboxOptions } from './gatepay-sandbox-options';
import { sandboxDemoOrders } from './sandbox-demo-orders';
import { createSandboxResponder } from './sandbox-responder';
import { toDemoOrder } from './to-demo-order';

export interface GatePaySandbox extends RunningSandbox {
  /** The generated test credentials and this sandbox's URL: what `createGatePay` needs. */
  readonly settings: { clientId: string; secretKey: string; baseUrl: string };
  /** Seeds a paid order; `kind` picks the payment type (`checkout` by default, refunded through V2 or v1). */
  seedOrder(input: SeedOrderInput): Promise<DemoOrder>;
  /** Every PAY_REFUND notification built so far, delivered or not. */
  notifications(): readonly GatePaySandboxNotification[];
  /**
   * A freshly signed PAY_REFUND notification about a refund, built but not posted: what GatePay would send for
   * it in `bizStatus` (its current status by default). Lets tests deliver late, repeated or out-of-order
   * notifications without forging signatures.
   */
  notificationFor(refundRequestId: string, bizStatus?: RefundBizStatus): NotificationInput;
  /** The contract's form: the latest notification exactly as posted, or a freshly signed REFUND_PROCESS one. */
  notificationFor(subject: SandboxNotificationSubject, wanted?: WantedNotification): NotificationInput;
  /** Every HTTP request received, with its raw bytes. */
  readonly requests: readonly LoopbackRequest[];
}

/**
 * Starts a stateful GatePay simulator on 127.0.0.1 (random port): it verifies signatures over the raw bytes,
 * keeps orders and refundable balances, answers with GatePay's envelopes and codes, settles refunds after a delay
 * and sends signed PAY_REFUND notifications.
 */
export async function createGatePaySandbox(options: GatePaySandboxOptions = {}): Promise<GatePaySandbox> {
  const clientId = options.clientId ?? `sandbox-client-${randomBytes(8).toString('hex')}`;
  const secretKey = options.secretKey ?? `sandbox-secret-${randomBytes(24).toString('hex')}`;
  const ledger = createSandboxLedger();
  const responder = createSandboxResponder({ secretKey, signResponses: options.signResponses ?? true });
  const authenticator = createSandboxAuthenticator({
    clientId,
    secretKey,
    timestampToleranceMs: options.timestampToleranceMs ?? 300_000,
    rejectReusedNonces: options.rejectReusedNonces ?? true,
  });
  const notifier = createSandboxNotifier({
    clientId,
    secretKey,
    notificationUrl: options.notificationUrl,
    clientIdKey: options.notificationClientIdKey ?? 'clientId',
    retryDelaysMs: options.notificationRetryDelaysMs ?? [50, 200, 1_000],
  });
  const settler = createSandboxSettler(ledger, notifier, {
    settleAfterMs: options.settleAfterMs ?? 2_000,
    settleAs: options.settleAs ?? (() => 'SUCCESS'),
  });
  let readLagMs = checkReadLag(options.readLagMs ?? 0);
  const routes = createSandboxRoutes({
    ledger,
    responder,
    notifier,
    settler,
    options,
    readLagMs: () => readLagMs,
  });

  const server = await createLoopbackServer({
    port: options.port,
    signature: { strip: responder.strip, tamper: responder.tamper },
    handle(request) {
      const institution = request.path.startsWith(`${gatePayInstitutionPrefix}/`);
      const path = institution ? request.path.slice(gatePayInstitutionPrefix.length) : request.path;
      const route = routes[`${request.method} ${path}`];
      if (!route) {
        return {
          status: 404,
          body: JSON.stringify({ status: 'FAIL', code: '404', label: 'Not Found', errorMessage: path }),
        };
      }
      const rejection = authenticator.authenticate(request);
      if (rejection) return responder.fail(rejection.code, rejection.label);
      const subAccount = request.headers.get('x-gatepay-on-behalf-of') ?? undefined;
      if (institution && !subAccount) {
        return responder.fail(
          '400001',
          'Parameter error: X-GatePay-On-Behalf-Of is required on institution paths',
        );
      }
      return route(request, institution ? subAccount : undefined);
    },
  });

  const signedNotification = (refundRequestId: string, bizStatus?: RefundBizStatus): NotificationInput => {
    const refund = ledger.refunds.get(refundRequestId);
    const order = refund && ledger.orders.get(refund.prepayId);
    if (!refund || !order) throw new Error(`The GatePay sandbox has no refund ${refundRequestId}.`);
    const { headers, body } = notifier.build(order, refund, bizStatus ?? currentBizStatus[refund.status]);
    return { headers, body };
  };
  // The exact bytes GatePay posted last for this refund, so a redelivery is byte-for-byte a duplicate.
  const latestNotification = (refundRequestId: string): NotificationInput => {
    const sent = notifier.sent
      .filter((notification) => notification.refundRequestId === refundRequestId)
      .at(-1);
    if (!sent)
      throw new Error(`The GatePay sandbox has not sent a notification about ${refundRequestId} yet.`);
    return { body: sent.body, headers: { ...sent.headers } };
  };
  const notificationFor = (
    subject: string | SandboxNotificationSubject,
    wanted?: RefundBizStatus | WantedNotification,
  ): NotificationInput => {
    if (typeof subject === 'string')
      return signedNotification(subject, wanted as RefundBizStatus | undefined);
    return wanted === 'pending'
      ? signedNotification(subject.refundId, 'REFUND_PROCESS')
      : latestNotification(subject.refundId);
  };

  const seedOrder = async (input: SeedOrderInput) => toDemoOrder(ledger.seedOrder(input));
  return {
    url: server.url,
    // The default endpoint's refund; the order-refund query path also contains /v1/pay/order/refund.
    refundPath: '/v2/standard/order/refund',
    settings: { clientId, secretKey, baseUrl: server.url },
    requests: server.requests,
    seedOrder,
    seedDemoOrders: () => Promise.all(sandboxDemoOrders.map(seedOrder)),
    executedRefunds: () => ledger.executed.map(toRecord),
    notifications: () => [...notifier.sent],
    notificationFor: notificationFor as GatePaySandbox['notificationFor'],
    // GatePay signs the timestamp, the nonce and the whole body of a notification.
    notificationBodySigned: true,
    settleAll: () => settler.settleAll(),
    setReadLag(ms) {
      readLagMs = checkReadLag(ms);
    },
    injectFault: (rule) => server.injectFault(rule),
    clearFaults: () => server.clearFaults(),
    async close() {
      settler.close();
      notifier.close();
      await server.close();
      await notifier.idle();
    },
  };
}

function checkReadLag(ms: number): number {
  if (Number.isFinite(ms) && ms >= 0) return ms;
  throw new TypeError(`readLagMs must be a number of milliseconds of 0 or more, got ${ms}.`);
}

const currentBizStatus: Record<SandboxRefund['status'], RefundBizStatus> = {
  PROCESS: 'REFUND_PROCESS',
  SUCCESS: 'REFUND_SUCCESS',
  FAIL: 'REFUND_REJECTED',
};

function toRecord(refund: SandboxRefund): SandboxRefundRecord {
  return {
    orderId: refund.prepayId,
    refundId: refund.refundRequestId,
    providerRefundId: refund.refundGateId,
    amount: refund.amount ?? refund.payAmount ?? '0',
    status: refund.status === 'SUCCESS' ? 'succeeded' : refund.status === 'FAIL' ? 'failed' : 'pending',
  };
}
