/** What a refund query names: the merchant's refund id. */
export interface QueryRefundInput {
  refundId: string;
}
