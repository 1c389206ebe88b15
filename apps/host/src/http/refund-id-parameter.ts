import type { Context } from 'hono';
import { HostError } from '../refunds/host-error';
import { quoteInput } from './quote-input';

/**
 * The refund id in the path. Refund ids are printable ASCII (the create schema says so), so any other is a
 * refund that cannot exist: answered 404 here, before it reaches a database (PostgreSQL refuses a NUL in text).
 */
export function refundIdParameter(context: Context): string {
  const refundId = context.req.param('refundId') ?? '';
  if (!/^[\x21-\x7e]{1,64}$/.test(refundId)) {
    throw new HostError(404, 'refund_not_found', `No refund with id ${quoteInput(refundId)}.`);
  }
  return refundId;
}
