/** A position in the newest-first listing: the last refund of the previous page. */
export interface RefundCursor {
  createdAt: number;
  refundId: string;
}
