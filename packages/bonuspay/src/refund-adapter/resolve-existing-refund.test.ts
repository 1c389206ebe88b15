import type { RefundRequest } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { envelope, type FakeAnswer, fakeBonusPayFetch } from '../__fixtures__/fake-bonuspay-fetch';
import { testKeys, testSettings } from '../__fixtures__/known-answers';
import { createBonusPay } from '../create-bonuspay';

const request: RefundRequest = {
  refundId: 'R1',
  orderId: 'M1',
  amount: { amount: '1.00', currency: 'USDT' },
};

const refused = (code: string, msg: string): FakeAnswer => ({
  body: envelope({ applyStatus: 'FAIL', code, msg }),
});
const lookups = {
  'not found (77004)': refused('77004', 'MERCHANT_ORDER_NO_NOT_EXIST'),
  'a system error (500)': {
    body: envelope({ applyStatus: 'FAIL', code: '500', msg: 'SYSTEM_ERROR' }),
    sign: 'none',
  },
  'an unsigned answer': {
    body: envelope({ applyStatus: 'SUCCESS', code: '0', msg: 'SUCCESS' }),
    sign: 'none',
  },
} satisfies Record<string, FakeAnswer>;
const refusals = {
  '77005': refused('77005', 'REFUND_AMOUNT_EXCEEDED'),
  '77013': refused('77013', 'REFUND_MERCHANT_ORDER_NO_EXIST'),
};
const found = (amount: string): FakeAnswer => ({
  body: envelope(
    { applyStatus: 'SUCCESS', code: '0', msg: 'SUCCESS' },
    `{"refundOrder":{"refundMerchantOrderNo":"R1","orderNo":"231700000000000001","originMerchantOrderNo":"M1","status":"CREATED","amount":{"currency":"USDT","amount":${amount}}}}`,
  ),
});

/** A BonusPay that refuses the placeOrder and answers the getOrder that follows as told. */
function bonusPay(placeOrder: FakeAnswer, getOrder: FakeAnswer) {
  const { fetch, requests } = fakeBonusPayFetch(testKeys.privateKey, (captured) =>
    captured.url.endsWith('/crypto/refund/placeOrder') ? placeOrder : getOrder,
  );
  const provider = createBonusPay({ ...testSettings, fetch });
  return { provider, requests };
}

describe('resolveExistingRefund: a refusal that may mean the refund exists', () => {
  it('keeps a first attempt refused for the balance rejected when no refund has its number', async () => {
    const { provider, requests } = bonusPay(refusals['77005'], lookups['not found (77004)']);
    await expect(provider.refund(request)).rejects.toMatchObject({
      code: 'declined',
      outcome: 'rejected',
      providerCode: '77005',
    });
    expect(requests.map((captured) => new URL(captured.url).pathname)).toEqual([
      '/sgs/api/crypto/refund/placeOrder',
      '/sgs/api/crypto/refund/getOrder',
    ]);
  });

  it('leaves a first attempt refused for its number unknown when the refund cannot be seen', async () => {
    const { provider } = bonusPay(refusals['77013'], lookups['not found (77004)']);
    await expect(provider.refund(request)).rejects.toMatchObject({ code: 'duplicate', outcome: 'unknown' });
  });

  describe.each(Object.keys(refusals) as (keyof typeof refusals)[])('a resend refused with %s', (code) => {
    it.each(Object.keys(lookups) as (keyof typeof lookups)[])(
      'stays unknown, never rejected, when the lookup after it gets %s',
      async (lookup) => {
        const { provider } = bonusPay(refusals[code], lookups[lookup]);
        const error = await provider.refund(request, { resend: true }).catch((caught: unknown) => caught);
        expect(error).toMatchObject({ outcome: 'unknown', providerCode: code });
        expect((error as Error).message).toMatch(/getRefund/);
      },
    );

    it('returns the refund its earlier attempt created when the lookup finds it', async () => {
      const { provider } = bonusPay(refusals[code], found('1.00'));
      expect(await provider.refund(request, { resend: true })).toMatchObject({
        refundId: 'R1',
        providerRefundId: '231700000000000001',
        status: 'pending',
      });
    });

    it('is a duplicate, rejected, when the number holds a refund for another amount', async () => {
      const { provider } = bonusPay(refusals[code], found('2.00'));
      await expect(provider.refund(request, { resend: true })).rejects.toMatchObject({
        code: 'duplicate',
        outcome: 'rejected',
      });
    });
  });

  it('says that a refund may not show yet, so the caller waits instead of refunding again', async () => {
    const { provider } = bonusPay(refusals['77005'], lookups['not found (77004)']);
    const error = await provider.refund(request, { resend: true }).catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/does not show it yet/);
  });
});
