import type { RefundStatus } from '@refunds/core';

/**
 * IOTPay (XxPay) refund status: 0 created and 1 refunding are still moving; 2 success and 4 business-complete
 * are final successes; 3 is a final failure. Anything else is not a status this package can vouch for.
 */
export function mapIotPayRefundStatus(status: string): RefundStatus | undefined {
  switch (status) {
    case '0':
    case '1':
      return 'pending';
    case '2':
    case '4':
      return 'succeeded';
    case '3':
      return 'failed';
    default:
      return undefined;
  }
}
