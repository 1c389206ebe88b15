import type { CoinCornerClient } from './create-coincorner-client';
import type { CoinCornerSender } from './create-coincorner-sender';
import type { RefundMemory } from './refund-memory';

/** What the unified operations share inside one `createCoinCorner` instance. */
export interface CoinCornerAdapterContext {
  sender: CoinCornerSender;
  client: CoinCornerClient;
  memory: RefundMemory;
  refundType: number;
  amountMaxDecimals: number;
  verifyOrderBeforeRefund: boolean;
}
