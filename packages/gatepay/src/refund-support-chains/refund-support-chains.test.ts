import { describe, expect, it } from 'vitest';
import { createTestClient } from '../__fixtures__/create-test-client';

describe('refundSupportChains', () => {
  it('GETs /v2/refund/support/chains?currency= and reads the chains', async () => {
    const { client, requests } = createTestClient({
      currency: 'USDT',
      chains: [
        { chain: 'TRX', currency: 'USDT', full_curr_type: 'USDT_TRX', hasWithdrawMemo: 0, withdrawFix: '1' },
      ],
    });
    const response = await client.refundSupportChains({ currency: 'USDT' });
    expect(requests[0]?.method).toBe('GET');
    expect(requests[0]?.url.pathname).toBe('/v2/refund/support/chains');
    expect(requests[0]?.url.searchParams.get('currency')).toBe('USDT');
    expect(response.data.chains.map((chain) => chain.chain)).toEqual(['TRX']);
  });

  it('refuses a lower-case currency before sending', async () => {
    const { client, requests } = createTestClient({});
    await expect(client.refundSupportChains({ currency: 'usdt' })).rejects.toMatchObject({
      field: 'currency',
    });
    expect(requests).toHaveLength(0);
  });
});
