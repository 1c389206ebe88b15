import type {
  NotificationInput,
  RunningSandbox,
  SandboxNotificationSubject,
  SandboxRefundRecord,
  WantedNotification,
} from '@refunds/core';
import { createLoopbackServer, type LoopbackRequest, type LoopbackResponse } from '@refunds/core/sandbox';
import { defaultBonusPayAssets } from '../bonuspay-assets';
import { toRefundStatus } from '../refund-adapter/to-refund-status';
import { authenticateSandboxRequest } from './authenticate-sandbox-request';
import { type BonusPaySandboxOptions, bonusPaySandboxDefaults } from './bonuspay-sandbox-options';
import { generateSandboxKeyPairs } from './generate-sandbox-key-pairs';
import { handleGetRefundOrder } from './handle-get-refund-order';
import { handlePlaceRefundOrder } from './handle-place-refund-order';
import { createSandboxAnswers } from './sandbox-answers';
import { SandboxLedger, type SandboxRefundStatus } from './sandbox-ledger';
import { createSandboxNotifier, type SandboxDelivery } from './sandbox-notifier';
import { createSandboxSettlement } from './sandbox-settlement';
import { sandboxSignatureFaults } from './sandbox-signature-faults';
import {
  type BonusPayDemoOrder,
  type BonusPaySandboxOrderInput,
  sandboxDemoOrders,
  seedSandboxOrder,
} from './seed-sandbox-order';

/** Everything `createBonusPay` needs to talk to the sandbox, generated test credentials included. */
export interface BonusPaySandboxSettings {
  [setting: string]: unknown;
  partnerId: string;
  privateKey: string;
  platformPublicKey: string;
  baseUrl: string;
  notifyUrl?: string;
}

export interface BonusPaySandbox extends RunningSandbox {
  readonly settings: BonusPaySandboxSettings;
  readonly partnerId: string;
  /** The public halves of the generated keys (the private ones sign; the merchant's is in `settings`). */
  readonly publicKeys: { merchant: string; platform: string };
  /** Every HTTP request received, raw. */
  readonly requests: readonly LoopbackRequest[];
  seedOrder(input: BonusPaySandboxOrderInput): Promise<BonusPayDemoOrder>;
  seedDemoOrders(): Promise<BonusPayDemoOrder[]>;
  /**
   * The latest signed notification for a refund, exactly as posted (or as it would have been); given a
   * `status`, a freshly signed one reporting that status, for late and out-of-order deliveries in tests.
   */
  notificationFor(refundMerchantOrderNo: string, status?: SandboxRefundStatus): NotificationInput;
  /** The contract's form: the latest callback exactly as posted, or a freshly signed CREATED one. */
  notificationFor(subject: SandboxNotificationSubject, wanted?: WantedNotification): NotificationInput;
  /** Every notification delivery, with its attempts and whether it was acknowledged. */
  deliveries(): readonly SandboxDelivery[];
}

/**
 * A stateful BonusPay on 127.0.0.1: the merchant's requests are verified over their raw bytes with the
 * merchant's public key, answers and callbacks are signed with the platform's own key, orders keep their
 * refundable balance, and refunds settle after `settleAfterMs` with a signed callback. With `readLagMs` (or
 * `setReadLag`), getOrder does not see a refund until that long after it executed.
 */
export async function createBonusPaySandbox(options: BonusPaySandboxOptions = {}): Promise<BonusPaySandbox> {
  const keys = options.keyPairs ?? (await generateSandboxKeyPairs());
  const partnerId = options.partnerId ?? `2000${String(Date.now()).slice(-8)}`;
  const assets = options.assets ?? defaultBonusPayAssets;
  const ledger = new SandboxLedger();
  const answers = createSandboxAnswers(keys.platform.privateKey);
  const notifier = createSandboxNotifier(
    options.notificationRetryDelaysMs ?? bonusPaySandboxDefaults.notificationRetryDelaysMs,
  );
  const settlement = createSandboxSettlement({
    ledger,
    notifier,
    partnerId,
    platformPrivateKey: keys.platform.privateKey,
    options,
  });
  const seenSignatures = options.rejectReplays ? new Set<string>() : undefined;
  let readLagMs = checkReadLag(options.readLagMs ?? 0);

  const handle = (request: LoopbackRequest): LoopbackResponse => {
    const operation = request.method === 'POST' ? request.path.replace(/^\/sgs\/api\//, '') : '';
    if (operation !== 'crypto/refund/placeOrder' && operation !== 'crypto/refund/getOrder') {
      return answers.gatewayError('404', 'SERVICE_NOT_AVAILABLE');
    }
    const content = authenticateSandboxRequest(request, {
      partnerId,
      merchantPublicKey: keys.merchant.publicKey,
      answers,
      requestTimeWindowMs: options.requestTimeWindowMs ?? bonusPaySandboxDefaults.requestTimeWindowMs,
      invalidSignatureCode: options.invalidSignatureCode ?? bonusPaySandboxDefaults.invalidSignatureCode,
      seenSignatures,
    });
    if (!('plain' in content)) return content;
    if (operation === 'crypto/refund/getOrder') return handleGetRefundOrder(content, { ledger, answers });
    return handlePlaceRefundOrder(content, {
      ledger,
      answers,
      assets,
      duplicateCheck: options.duplicateCheck ?? 'before-amount',
      identicalRetry: options.identicalRetry ?? 'original-order',
      readLagMs: () => readLagMs,
      created: settlement.schedule,
    });
  };

  const server = await createLoopbackServer({ handle, signature: sandboxSignatureFaults });
  const url = `${server.url}/sgs/api`;
  const seedOrder = async (input: BonusPaySandboxOrderInput) => seedSandboxOrder(ledger, assets, input);

  return {
    url,
    refundPath: 'crypto/refund/placeOrder',
    partnerId,
    publicKeys: { merchant: keys.merchant.publicKey, platform: keys.platform.publicKey },
    requests: server.requests,
    settings: {
      partnerId,
      privateKey: keys.merchant.privateKey,
      platformPublicKey: keys.platform.publicKey,
      baseUrl: url,
      ...(options.notificationUrl ? { notifyUrl: options.notificationUrl } : {}),
    },
    seedOrder,
    seedDemoOrders: () => Promise.all(sandboxDemoOrders.map(seedOrder)),
    executedRefunds: (): readonly SandboxRefundRecord[] =>
      ledger.refunds().map((refund) => ({
        orderId: refund.order.merchantOrderNo,
        refundId: refund.refundMerchantOrderNo,
        providerRefundId: refund.orderNo,
        amount: refund.amount.amount,
        status: toRefundStatus(refund.status),
      })),
    settleAll: () => settlement.settleAll(),
    setReadLag(ms) {
      readLagMs = checkReadLag(ms);
    },
    notificationFor: ((subject: string | SandboxNotificationSubject, wanted?: string) =>
      typeof subject === 'string'
        ? settlement.notificationFor(subject, wanted as SandboxRefundStatus | undefined)
        : settlement.notificationFor(
            subject.refundId,
            wanted === 'pending' ? 'CREATED' : undefined,
          )) as BonusPaySandbox['notificationFor'],
    // BonusPay's platform key signs the callback's whole body.
    notificationBodySigned: true,
    deliveries: () => notifier.deliveries(),
    injectFault: (rule) => server.injectFault(rule),
    clearFaults: () => server.clearFaults(),
    async close() {
      settlement.close();
      notifier.close();
      await server.close();
    },
  };
}

function checkReadLag(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`readLagMs must be a non-negative number of milliseconds, got ${String(ms)}.`);
  }
  return ms;
}
