import { type Redactor, RefundError } from '@refunds/core';
import { coincornerError } from './coincorner-error';

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
