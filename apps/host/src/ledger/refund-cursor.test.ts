import { RefundError } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { decodeRefundCursor } from './decode-refund-cursor';
import { encodeRefundCursor } from './encode-refund-cursor';
import { clampListLimit } from './list-refunds';

describe('refund cursors', () => {
  it('round-trip a position, whatever the refund id holds', () => {
    for (const refundId of ['r-1', 'Rückerstattung/退款 "x"', '']) {
      const cursor = encodeRefundCursor({ createdAt: 1_767_225_600_123, refundId });
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decodeRefundCursor(cursor)).toEqual({ createdAt: 1_767_225_600_123, refundId });
    }
  });

  it('refuse anything else as an invalid request naming the cursor', () => {
    const forged = [
      '%%%',
      'eyJ9',
      Buffer.from('[1,2]').toString('base64url'),
      Buffer.from('[1e400,"x"]').toString('base64url'),
      Buffer.from('[1,"\\u0000"]').toString('base64url'),
    ];
    for (const cursor of forged) {
      let caught: unknown;
      try {
        decodeRefundCursor(cursor);
      } catch (error) {
        caught = error;
      }
      expect(RefundError.isInstance(caught), cursor).toBe(true);
      expect(caught).toMatchObject({ code: 'invalid_request', field: 'cursor' });
    }
  });
});

describe('clampListLimit', () => {
  it('keeps page sizes within 1..100, 20 by default', () => {
    expect(clampListLimit(undefined)).toBe(20);
    expect(clampListLimit(Number.NaN)).toBe(20);
    expect(clampListLimit(0)).toBe(1);
    expect(clampListLimit(Number.NEGATIVE_INFINITY)).toBe(1);
    expect(clampListLimit(Number.POSITIVE_INFINITY)).toBe(100);
    expect(clampListLimit(7.9)).toBe(7);
    expect(clampListLimit('30' as unknown as number)).toBe(30);
    expect(clampListLimit('many' as unknown as number)).toBe(20);
  });
});
