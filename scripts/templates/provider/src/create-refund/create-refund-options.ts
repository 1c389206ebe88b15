/** The refund __Name__ is asked for, in __Name__'s own field names. */
export interface Create__Name__RefundBody {
  refundId: string;
  orderId: string;
  amount: string;
  currency: string;
  reason?: string;
}
