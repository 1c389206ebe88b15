import type { GatePayCallOptions, GatePaySender } from '../create-gatepay-sender';
import { parseGatePayInput } from '../parse-gatepay-input';
import type { GatePayResponse } from '../read-gatepay-response';
import { type RefundSupportChainsData, refundSupportChainsDataSchema } from './refund-support-chains-api';
import {
  type RefundSupportChainsQuery,
  refundSupportChainsQuerySchema,
} from './refund-support-chains-options';

/** `GET /v2/refund/support/chains?currency=...`: the chain codes a Web3 refund (`refundChain`) may use. */
export async function refundSupportChains(
  sender: GatePaySender,
  query: RefundSupportChainsQuery,
  options?: GatePayCallOptions,
): Promise<GatePayResponse<RefundSupportChainsData>> {
  const checked = parseGatePayInput(refundSupportChainsQuerySchema, query);
  return sender.send({
    method: 'GET',
    path: '/v2/refund/support/chains',
    query: { currency: checked.currency },
    writes: false,
    dataSchema: refundSupportChainsDataSchema,
    options,
  });
}
