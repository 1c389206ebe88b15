import type { RefundCursor } from './refund-cursor';

export function encodeRefundCursor(cursor: RefundCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.refundId]), 'utf8').toString('base64url');
}
