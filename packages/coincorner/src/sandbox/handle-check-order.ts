import { toJsonNumberLiteral } from '@refunds/core';
import type { LoopbackResponse } from '@refunds/core/sandbox';
import type { ReplyFormat } from './reply-format';
import { messageAnswer, modelAnswer } from './sandbox-answers';
import {
  type SandboxOrder,
  type SandboxState,
  sandboxOrderStatusTexts,
  visibleOrderStatus,
} from './sandbox-state';

/** `POST /api/CheckOrder`: `{OrderId, OrderStatus, OrderStatusText}`, or the documented `MerchantOrder` XML. */
export const handleCheckOrder = orderRead((order, status, format) =>
  modelAnswer(format, 'MerchantOrder', {
    OrderId: order.orderId,
    OrderStatus: { number: String(status) },
    OrderStatusText: sandboxOrderStatusTexts[String(status)] ?? 'N/A',
  }),
);

/**
 * `POST /api/GetOrder`: the order's documented fields, amounts as exact number literals as .NET writes a
 * decimal, plus OrderStatus as the Magento1 and ZenCart plugins read it. The XML root name is not documented
 * (the help page could not be read that far): `GetOrderResponse` is inferred.
 */
export const handleGetOrder = orderRead((order, status, format) => {
  const amount = { number: toJsonNumberLiteral(order.invoiceAmount) };
  return modelAnswer(format, 'GetOrderResponse', {
    OrderId: order.orderId,
    PaymentAddress: order.paymentAddress,
    InvoiceAmount: amount,
    InvoiceCurrency: order.invoiceCurrency,
    SettleAmount: amount,
    SettleCurrency: order.invoiceCurrency === 'EUR' ? 'EUR' : 'GBP',
    CryptoAmount: { number: toJsonNumberLiteral(order.cryptoAmount) },
    OrderStatus: { number: String(status) },
    OrderStatusText: sandboxOrderStatusTexts[String(status)] ?? 'N/A',
  });
});

function unknownOrderAnswer(state: SandboxState, orderId: string, format: ReplyFormat): LoopbackResponse {
  if (state.unknownOrderAnswer === 'http-400')
    return messageAnswer(400, state.messages.orderNotFound, format);
  return modelAnswer(format, 'MerchantOrder', {
    OrderId: orderId,
    OrderStatusText: 'N/A',
    Error: state.messages.orderNotFound,
  });
}

/**
 * A read of one order: finds the order the request names and the status the read side shows for it, and answers
 * an unknown order as CoinCorner does, so each read only says how it shows an order.
 */
function orderRead(
  answer: (order: SandboxOrder, status: number, format: ReplyFormat) => LoopbackResponse,
): (state: SandboxState, fields: Map<string, string>, format: ReplyFormat) => LoopbackResponse {
  return (state, fields, format) => {
    const orderId = fields.get('orderid') ?? '';
    const order = state.orders.get(orderId);
    if (!order) return unknownOrderAnswer(state, orderId, format);
    return answer(order, visibleOrderStatus(order), format);
  };
}
