import type { GatePayCallOptions, GatePaySender } from '../create-gatepay-sender';
import { parseGatePayInput } from '../parse-gatepay-input';
import type { GatePayResponse } from '../read-gatepay-response';
import { stringifyGatePayBody } from '../stringify-gatepay-body';
import { type AddressRefundConvertData, addressRefundConvertDataSchema } from './address-refund-convert-api';
import {
  type AddressRefundConvertBody,
  addressRefundConvertBodySchema,
} from './address-refund-convert-options';

/** `POST /v1/pay/address/refundconvert`. A direct (non-convert) order is refused with 500208. */
export async function addressRefundConvert(
  sender: GatePaySender,
  body: AddressRefundConvertBody,
  options?: GatePayCallOptions,
): Promise<GatePayResponse<AddressRefundConvertData>> {
  const checked = parseGatePayInput(addressRefundConvertBodySchema, body);
  return sender.send({
    method: 'POST',
    path: '/v1/pay/address/refundconvert',
    body: stringifyGatePayBody(checked, ['receiverId']),
    writes: true,
    dataSchema: addressRefundConvertDataSchema,
    options,
  });
}
