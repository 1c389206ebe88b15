// __Name__ answers a query with the refund as it answered its creation.
export {
  __camel__RefundSchema as queryRefundAnswerSchema,
  type __Name__Refund as QueryRefundAnswer,
} from '../create-refund/create-refund-api';
