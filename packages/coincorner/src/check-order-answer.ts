import { type CallOptions, type Redactor, RefundError } from '@refunds/core';
import type { GenericSchema, InferOutput } from 'valibot';
import { coincornerError } from './coincorner-error';
import { coincornerResponseError } from './coincorner-response-error';
import type { CoinCornerSender } from './create-coincorner-sender';
import { parseCoinCornerJson } from './parse-coincorner-json';

interface OrderAnswer {
  OrderId?: string | null | undefined;
  OrderStatusText?: string | null | undefined;
  Error?: string | null | undefined;
}

/**
 * The checks every answer about an order gets: CoinCorner's "N/A" for an order it does not know, and the echoed
 * OrderId, which must be the one asked about (anything else is a mix-up we must not act on).
 */
export function checkOrderAnswer(
  action: string,
  requestedOrderId: string,
  answer: OrderAnswer,
  redactor: Redactor,
): void {
  const raw = redactor.value(answer);
  if (answer.OrderStatusText === 'N/A') {
    throw coincornerError('N/A', {
      writes: false,
      providerMessage: answer.Error ? redactor.text(answer.Error) : undefined,
      raw,
      summary: `CoinCorner ${action} knows no order "${requestedOrderId}"`,
    });
  }
  if (answer.OrderId !== requestedOrderId) {
    throw new RefundError({
      code: 'invalid_response',
      outcome: 'unknown',
      provider: 'coincorner',
      raw,
      message:
        `CoinCorner ${action} for order "${requestedOrderId}" answered about order ` +
        `${answer.OrderId === undefined || answer.OrderId === null ? '(none)' : `"${answer.OrderId}"`}; ` +
        'the answer was not used. Check the order in the CoinCorner dashboard.',
    });
  }
}

/**
 * A read about one order (CheckOrder, GetOrder): sent, refused by status through the error table, parsed, and
 * checked with `checkOrderAnswer`. A read executes nothing, so every failure is `rejected`.
 */
export async function readOrderAnswer<Schema extends GenericSchema<unknown, OrderAnswer>>(
  sender: CoinCornerSender,
  action: 'CheckOrder' | 'GetOrder',
  orderId: string,
  schema: Schema,
  options: CallOptions,
): Promise<InferOutput<Schema>> {
  const { redactor } = sender;
  const response = await sender.post(action, { OrderId: orderId }, { writes: false, signal: options.signal });
  if (response.status !== 200) throw coincornerResponseError(response, { action, writes: false, redactor });
  const answer = parseCoinCornerJson(response.text, schema, {
    outcome: 'rejected',
    raw: redactor.body(response.text),
  });
  checkOrderAnswer(action, orderId, answer, redactor);
  return answer;
}
