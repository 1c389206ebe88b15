import type { GatePayCallOptions, GatePaySender } from '../create-gatepay-sender';
import { parseGatePayInput } from '../parse-gatepay-input';
import type { GatePayResponse } from '../read-gatepay-response';
import { stringifyGatePayBody } from '../stringify-gatepay-body';
import { type AddressRefundData, addressRefundDataSchema } from './address-refund-api';
import { type AddressRefundBody, addressRefundBodySchema } from './address-refund-options';

/** `POST /v1/pay/address/refund`. A convert order must use `addressRefundConvert` instead. */
export async function addressRefund(
  sender: GatePaySender,
  body: AddressRefundBody,
  options?: GatePayCallOptions,
): Promise<GatePayResponse<AddressRefundData>> {
  const checked = parseGatePayInput(addressRefundBodySchema, body);
  return sender.send({
    method: 'POST',
    path: '/v1/pay/address/refund',
    body: stringifyGatePayBody(checked, ['receiverId']),
    writes: true,
    dataSchema: addressRefundDataSchema,
    options,
  });
}
