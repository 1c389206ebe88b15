import type { CoinCornerClient } from './create-coincorner-client';
import type { CoinCornerConnection } from './create-coincorner-connection';
import type { RefundMemory } from './refund-memory';

/** What the unified operations share inside one `createCoinCorner` instance. */
export interface CoinCornerAdapterContext {
  connection: CoinCornerConnection;
  client: CoinCornerClient;
  memory: RefundMemory;
  refundType: number;
  amountMaxDecimals: number;
  verifyOrderBeforeRefund: boolean;
}
