import { gatePayOperation } from '../gatepay-operation';
import { refundSupportChainsDataSchema } from './refund-support-chains-api';
import { refundSupportChainsQuerySchema } from './refund-support-chains-options';

/** `GET /v2/refund/support/chains?currency=...`: the chain codes a Web3 refund (`refundChain`) may use. */
export const refundSupportChains = gatePayOperation({
  method: 'GET',
  path: '/v2/refund/support/chains',
  writes: false,
  inputSchema: refundSupportChainsQuerySchema,
  dataSchema: refundSupportChainsDataSchema,
});
