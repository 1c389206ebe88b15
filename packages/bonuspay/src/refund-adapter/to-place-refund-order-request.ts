import { invalidRequest, type RefundRequest } from '@refunds/core';
import type { BonusPayOrderIdField } from '../bonuspay-settings';
import type { PlaceRefundOrderRequest } from '../place-refund-order/place-refund-order-options';
import { validatePlaceRefundOrderRequest } from '../place-refund-order/validate-place-refund-order-request';
import type { BonusPaySettingReaders } from '../read-bonuspay-settings';
import { describeInput, readTextField } from '../read-text-field';
import { parseBonusPayProviderOptions } from './bonuspay-provider-options';
import { refundRequestLabels } from './refund-request-labels';

/**
 * `RefundRequest` to BonusPay's placeOrder `bizContent`: refundId -> refundMerchantOrderNo, orderId ->
 * originMerchantOrderNo (or originOrderNo), destination.network/address -> chainCode/refundAddress. Everything
 * is checked here, before anything is signed or sent.
 */
export function toPlaceRefundOrderRequest(
  request: RefundRequest,
  loader: BonusPaySettingReaders,
): { bizContent: PlaceRefundOrderRequest; orderIdField: BonusPayOrderIdField } {
  if (typeof request !== 'object' || request === null) {
    throw invalidRequest(
      'request',
      `the refund request must be an object, got ${describeInput(request)}.`,
      'bonuspay',
    );
  }
  const options = parseBonusPayProviderOptions(request.providerOptions);
  const orderIdField = options.orderIdField ?? loader.orderIdField();
  readTextField(request.orderId, {
    label: 'orderId',
    providerField: orderIdField,
    maxLength: 64,
    required: true,
  });
  const destination = readDestination(request.destination);
  const bizContent = validatePlaceRefundOrderRequest(
    {
      refundMerchantOrderNo: request.refundId,
      [orderIdField]: request.orderId,
      amount: request.amount,
      notifyUrl: options.notifyUrl ?? loader.notifyUrl(),
      operatorName: options.operatorName,
      reason: request.reason,
      chainCode: destination.network,
      refundAddress: destination.address,
      reserved: options.reserved,
    },
    {
      assets: loader.assets(),
      restrictIdCharacters: loader.restrictIdCharacters(),
      labels: refundRequestLabels,
    },
  );
  return { bizContent, orderIdField };
}

function readDestination(destination: unknown): { address?: unknown; network?: unknown } {
  if (destination === undefined || destination === null) return {};
  if (typeof destination !== 'object' || Array.isArray(destination)) {
    throw invalidRequest(
      'destination',
      `destination must be an object such as {"address":"T...","network":"TRON"}, got ${describeInput(destination)}.`,
      'bonuspay',
    );
  }
  const { address, network, accountId } = destination as Record<string, unknown>;
  if (accountId !== undefined) {
    throw invalidRequest(
      'destination.accountId',
      'destination.accountId is not supported by BonusPay: a refund goes to the original payer or to a chain address (destination.address and destination.network).',
      'bonuspay',
    );
  }
  return { address, network };
}
