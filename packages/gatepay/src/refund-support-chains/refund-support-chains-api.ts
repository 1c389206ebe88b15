import * as v from 'valibot';
import { receivedIdSchema, receivedTextSchema } from '../gatepay-receive-schemas';

/** One chain a Web3 refund of the currency can go out on. */
export const refundSupportChainSchema = v.looseObject({
  chain: v.string(),
  currency: receivedTextSchema,
  full_curr_type: receivedTextSchema,
  symbol: receivedTextSchema,
  explorer_url: receivedTextSchema,
  show_chain_name_en: receivedTextSchema,
  /** 1 when a transfer on this chain needs a memo. */
  hasWithdrawMemo: v.nullish(receivedIdSchema),
  withdrawPercent: v.nullish(receivedIdSchema),
  withdrawFix: v.nullish(receivedIdSchema),
});

/** `data` of `GET /v2/refund/support/chains`. */
export const refundSupportChainsDataSchema = v.looseObject({
  currency: receivedTextSchema,
  chains: v.array(refundSupportChainSchema),
});

export type RefundSupportChainsData = v.InferOutput<typeof refundSupportChainsDataSchema>;
