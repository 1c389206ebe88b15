import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createIotPayClient } from './create-iotpay-client';

describe('createIotPayClient', () => {
  it('offers IOTPay operations and keeps the merchant key out of what it shows', () => {
    const merchantKey = 'SECRET_MERCHANT_KEY_123456';
    const client = createIotPayClient({ mchId: '1', merchantKey, loginName: 'l' });
    expect(Object.keys(client).sort()).toEqual(['queryOrder', 'queryRefundOrder', 'refundOrder']);
    expect(`${inspect(client, { showHidden: true, depth: 10 })}${JSON.stringify(client)}`).not.toContain(
      merchantKey,
    );
  });

  it('reports a malformed base URL at the first call, as a request never sent', async () => {
    const client = createIotPayClient({ mchId: '1', merchantKey: 'k', baseUrl: 'api.iotpaycloud.com' });
    const error = await client.queryRefundOrder({ mchRefundNo: 'R1' }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'invalid_request', outcome: 'not_sent', field: 'baseUrl' });
  });
});
