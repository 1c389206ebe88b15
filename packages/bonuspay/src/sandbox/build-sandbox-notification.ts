import { stringifyLosslessJson } from '@refunds/core';
import type { SandboxRefund } from './sandbox-ledger';
import { signSandboxBody } from './sign-sandbox-body';
import { writeNotifiedRefundOrder } from './write-sandbox-refund-order';

export interface SandboxNotification {
  notifyId: string;
  refundMerchantOrderNo: string;
  headers: Record<string, string>;
  body: string;
}

/** `yyyyMMddHHmmss` in UTC+4, the platform's local time in PayBy's sample. */
function notifyTime(timestamp: number): string {
  const local = new Date(timestamp + 4 * 3_600_000);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${local.getUTCFullYear()}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}${pad(local.getUTCSeconds())}`;
}

/** The signed callback BonusPay posts when a refund changes status. */
export function buildSandboxNotification(
  refund: SandboxRefund,
  context: {
    notifyId: string;
    partnerId: string;
    platformPrivateKey: string;
    shape: 'flat' | 'wrapped';
    amountScale: number;
  },
): SandboxNotification {
  const timestamp = Date.now();
  const flat = {
    notify_time: notifyTime(timestamp),
    _input_charset: 'UTF-8',
    notify_timestamp: timestamp,
    refundOrder: writeNotifiedRefundOrder(refund, context.amountScale),
    notify_id: context.notifyId,
  };
  const body = stringifyLosslessJson(context.shape === 'wrapped' ? { body: flat } : flat);
  return {
    notifyId: context.notifyId,
    refundMerchantOrderNo: refund.refundMerchantOrderNo,
    headers: {
      'Content-Type': 'application/json; charset=UTF-8',
      Sign: signSandboxBody(body, context.platformPrivateKey),
      'Partner-Id': context.partnerId,
    },
    body,
  };
}
