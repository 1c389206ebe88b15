import type { CallOptions } from '@refunds/core';
import type { __Name__Settings } from './__name__-settings';
import { create__Name__Sender } from './create-__name__-sender';
import { createRefund } from './create-refund/create-refund';
import type { __Name__Refund } from './create-refund/create-refund-api';
import type { Create__Name__RefundBody } from './create-refund/create-refund-options';
import { queryRefund } from './query-refund/query-refund';

/** __Name__'s own operations, with the same signing, verification and errors as the adapter. */
export interface __Name__Client {
  createRefund(body: Create__Name__RefundBody, options?: CallOptions): Promise<__Name__Refund>;
  queryRefund(refundId: string, options?: CallOptions): Promise<__Name__Refund>;
}

export type { Create__Name__RefundBody };

export function create__Name__Client(settings: __Name__Settings = {}): __Name__Client {
  const sender = create__Name__Sender(settings);
  return Object.freeze({
    createRefund: (body, options) => createRefund(sender, body, options),
    queryRefund: (refundId, options) => queryRefund(sender, { refundId }, options),
  } satisfies __Name__Client);
}
