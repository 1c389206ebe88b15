import { randomBytes } from 'node:crypto';
import { createSandboxNotifier as createDelivery } from '@refunds/core/sandbox';
import type { SandboxOrder, SandboxRefund } from './create-sandbox-ledger';
import { signSandboxPayload } from './sign-sandbox-payload';

export type RefundBizStatus = 'REFUND_SUCCESS' | 'REFUND_PROCESS' | 'REFUND_REJECTED';

/** A PAY_REFUND notification the simulator built, and whether the merchant acknowledged it. */
export interface GatePaySandboxNotification {
  refundRequestId: string;
  bizStatus: RefundBizStatus;
  headers: Record<string, string>;
  body: string;
  /** Undefined while delivery is under way or when no notificationUrl is set. */
  acknowledged: boolean | undefined;
}

export interface SandboxNotifier {
  readonly sent: GatePaySandboxNotification[];
  /** Signs a notification without recording or posting it. */
  build(
    order: SandboxOrder,
    refund: SandboxRefund,
    bizStatus: RefundBizStatus,
  ): { headers: Record<string, string>; body: string };
  notify(order: SandboxOrder, refund: SandboxRefund, bizStatus: RefundBizStatus): Promise<void>;
  /** Waits for every delivery under way. */
  idle(): Promise<void>;
  close(): void;
}

/** Signs PAY_REFUND notifications like GatePay (data as a JSON string) and delivers them until acknowledged. */
export function createSandboxNotifier(options: {
  clientId: string;
  secretKey: string;
  notificationUrl: string | undefined;
  clientIdKey: 'clientId' | 'client_id';
  retryDelaysMs: readonly number[];
}): SandboxNotifier {
  const sent: GatePaySandboxNotification[] = [];
  const delivery = createDelivery({
    retryDelaysMs: options.retryDelaysMs,
    isAcknowledged: (status, text) => status === 200 && readReturnCode(text) === 'SUCCESS',
  });
  const build: SandboxNotifier['build'] = (order, refund, bizStatus) => {
    const data = {
      merchantTradeNo: order.merchantTradeNo,
      productType: 'sandbox',
      productName: order.description,
      tradeType: 'WEB',
      goodsName: order.description,
      terminalType: 'WEB',
      currency: order.currency,
      orderAmount: order.amount,
      createTime: order.createTime,
      transactionId: refund.refundGateId,
      refundInfo: {
        refundRequestId: refund.refundRequestId,
        prepayId: order.prepayId,
        orderAmount: order.amount,
        refundAmount: refund.amount ?? refund.payAmount,
        refundPayCurrency: order.payCurrency,
        refundPayAmount: refund.payAmount ?? (order.kind === 'convert' ? undefined : refund.amount),
      },
      channelId: '',
    };
    const body = JSON.stringify({
      bizType: 'PAY_REFUND',
      bizId: order.prepayId,
      bizStatus,
      [options.clientIdKey]: options.clientId,
      data: JSON.stringify(data),
    });
    const timestamp = String(Date.now());
    const nonce = randomBytes(16).toString('hex');
    const headers = {
      'content-type': 'application/json',
      'X-GatePay-Timestamp': timestamp,
      'X-GatePay-Nonce': nonce,
      'X-GatePay-Signature': signSandboxPayload(options.secretKey, timestamp, nonce, body),
    };
    return { headers, body };
  };

  return {
    sent,
    build,
    async notify(order, refund, bizStatus) {
      const { headers, body } = build(order, refund, bizStatus);
      const notification: GatePaySandboxNotification = {
        refundRequestId: refund.refundRequestId,
        bizStatus,
        headers,
        body,
        acknowledged: undefined,
      };
      sent.push(notification);
      if (options.notificationUrl === undefined) return;
      notification.acknowledged = await delivery.post(options.notificationUrl, { headers, body });
    },
    idle: () => delivery.idle(),
    close: () => void delivery.close(),
  };
}

function readReturnCode(text: string): unknown {
  try {
    return (JSON.parse(text) as { returnCode?: unknown }).returnCode;
  } catch {
    return undefined;
  }
}
