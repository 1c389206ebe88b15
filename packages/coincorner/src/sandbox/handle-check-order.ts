import { toJsonNumberLiteral } from '@refunds/core';
import type { LoopbackResponse } from '@refunds/core/sandbox';
import { jsonAnswer, messageAnswer } from './sandbox-answers';
import { type SandboxState, sandboxOrderStatusTexts } from './sandbox-state';

/** `POST /api/CheckOrder`: `{OrderId, OrderStatus, OrderStatusText}`. */
export function handleCheckOrder(state: SandboxState, fields: Map<string, string>): LoopbackResponse {
  const orderId = fields.get('orderid') ?? '';
  const order = state.orders.get(orderId);
  if (!order) return unknownOrderAnswer(state, orderId);
  return jsonAnswer(
    JSON.stringify({
      OrderId: order.orderId,
      OrderStatus: order.status,
      OrderStatusText: sandboxOrderStatusTexts[String(order.status)] ?? 'N/A',
    }),
  );
}

/** `POST /api/GetOrder`: the order's amounts as exact JSON number literals, as .NET writes a decimal. */
export function handleGetOrder(state: SandboxState, fields: Map<string, string>): LoopbackResponse {
  const orderId = fields.get('orderid') ?? '';
  const order = state.orders.get(orderId);
  if (!order) return unknownOrderAnswer(state, orderId);
  const amount = toJsonNumberLiteral(order.invoiceAmount);
  return jsonAnswer(
    `{"OrderId":${JSON.stringify(order.orderId)},"PaymentAddress":${JSON.stringify(order.paymentAddress)},` +
      `"InvoiceAmount":${amount},"InvoiceCurrency":${JSON.stringify(order.invoiceCurrency)},` +
      `"SettleAmount":${amount},"SettleCurrency":${JSON.stringify(order.invoiceCurrency === 'EUR' ? 'EUR' : 'GBP')},` +
      `"OrderStatus":${order.status},"OrderStatusText":${JSON.stringify(sandboxOrderStatusTexts[String(order.status)] ?? 'N/A')}}`,
  );
}

function unknownOrderAnswer(state: SandboxState, orderId: string): LoopbackResponse {
  if (state.unknownOrderAnswer === 'http-400') return messageAnswer(400, state.messages.orderNotFound);
  return jsonAnswer(
    JSON.stringify({ OrderId: orderId, OrderStatusText: 'N/A', Error: state.messages.orderNotFound }),
  );
}
