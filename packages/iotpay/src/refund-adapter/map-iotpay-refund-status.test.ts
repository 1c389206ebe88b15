import { describe, expect, it } from 'vitest';
import { mapIotPayRefundStatus } from './map-iotpay-refund-status';

describe('mapIotPayRefundStatus', () => {
  it.each([
    ['0', 'pending'],
    ['1', 'pending'],
    ['2', 'succeeded'],
    ['3', 'failed'],
    ['4', 'succeeded'],
  ])('maps status %s to %s', (status, expected) => {
    expect(mapIotPayRefundStatus(status)).toBe(expected);
  });

  it('vouches for no other status', () => {
    for (const status of ['5', '9', '', '02', 'SUCCESS'])
      expect(mapIotPayRefundStatus(status)).toBeUndefined();
  });
});
