import { describeErrorTable, refundErrorOf as refundError } from '@refunds/core/testing';
import { describe, expect, it } from 'vitest';
import { fakeIotPayFetch, fakeRequest, fakeSettings } from './__fixtures__/fake-iotpay-fetch';
import { createIotPay } from './create-iotpay';
import { iotpayErrorTable } from './iotpay-error-table';

// Each documented code and what a merchant must be told: [code, error code, outcome of a refund, outcome of a
// resend]. A resend refused for a reason the earlier attempt having executed would explain (0014 also means a
// reused mchRefundNo or an amount above what is left; 0113 an order state the earlier refund may have caused) is
// evidence that it did: unknown, never rejected.
const expectedRows = [
  ['0010', 'provider_unavailable', 'unknown', 'unknown'],
  ['0011', 'invalid_request', 'rejected', 'rejected'],
  ['0012', 'invalid_request', 'rejected', 'rejected'],
  ['0013', 'authentication', 'rejected', 'rejected'],
  ['0014', 'invalid_request', 'rejected', 'unknown'],
  ['0015', 'authentication', 'rejected', 'rejected'],
  ['0110', 'timeout', 'unknown', 'unknown'],
  ['0111', 'provider_unavailable', 'unknown', 'unknown'],
  ['0112', 'not_found', 'rejected', 'rejected'],
  ['0113', 'declined', 'rejected', 'unknown'],
  ['0118', 'provider_unavailable', 'unknown', 'unknown'],
] as const;

/** A signed business refusal of the refund; the refund lookup a 0014 triggers finds nothing, so it stands. */
const signedRefusal = (providerCode: string) =>
  fakeIotPayFetch(
    (params) =>
      params.payOrderId
        ? { retCode: 'SUCCESS', retMsg: '', resCode: 'FAIL', errCode: providerCode, errCodeDes: 'refused' }
        : { retCode: 'FAIL', retMsg: 'refund order does not exist' },
    fakeSettings.merchantKey,
  );

// The table's documented codes (develop.iotpay.ca/errorcode.html), each provoked as a signed business failure.
describeErrorTable({
  provider: 'iotpay',
  table: iotpayErrorTable,
  expected: expectedRows,
  provoke: (providerCode, { resend }) =>
    createIotPay({ ...fakeSettings, fetch: signedRefusal(providerCode).fetch }).refund(fakeRequest, {
      resend,
    }),
});

describe('iotpayErrorTable', () => {
  for (const [providerCode, code, outcome, outcomeOnResend] of expectedRows) {
    it(`keeps ${providerCode}, IOTPay's words and the table's explanation in the error`, async () => {
      const provider = createIotPay({ ...fakeSettings, fetch: signedRefusal(providerCode).fetch });
      const error = await refundError(provider.refund(fakeRequest));
      expect(error.providerCode).toBe(providerCode);
      expect(error.providerMessage).toBe('refused');
      expect(error.message).toContain(iotpayErrorTable[providerCode].description);
    });

    it(`maps ${providerCode} as an unsigned retCode FAIL the same way, and a failed query as rejected`, async () => {
      const fake = fakeIotPayFetch({ retCode: 'FAIL', retMsg: 'refused', errCode: providerCode });
      const provider = createIotPay({ ...fakeSettings, fetch: fake.fetch, duplicateErrorCodes: [] });
      const error = await refundError(provider.refund(fakeRequest));
      expect([error.code, error.outcome, error.providerCode]).toEqual([code, outcome, providerCode]);
      const resent = await refundError(provider.refund(fakeRequest, { resend: true }));
      expect([resent.code, resent.outcome]).toEqual([code, outcomeOnResend]);
      const queryError = await refundError(provider.getRefund({ refundId: fakeRequest.refundId }));
      expect([queryError.code, queryError.outcome]).toEqual([code, 'rejected']);
    });
  }
  it('leaves an undocumented business code after a refund unknown, never rejected', async () => {
    const fake = fakeIotPayFetch(
      { retCode: 'SUCCESS', retMsg: '', resCode: 'FAIL', errCode: '9999', errCodeDes: 'new failure' },
      fakeSettings.merchantKey,
    );
    const error = await refundError(createIotPay({ ...fakeSettings, fetch: fake.fetch }).refund(fakeRequest));
    expect([error.code, error.outcome, error.providerCode]).toEqual(['declined', 'unknown', '9999']);
    expect(error.message).toMatch(/getRefund/);
  });

  it('leaves an unrecognised retCode FAIL text after a refund unknown', async () => {
    const fake = fakeIotPayFetch({ retCode: 'FAIL', retMsg: '支付中心退款失败' });
    const error = await refundError(createIotPay({ ...fakeSettings, fetch: fake.fetch }).refund(fakeRequest));
    expect([error.code, error.outcome, error.providerCode]).toEqual([
      'provider_unavailable',
      'unknown',
      undefined,
    ]);
  });
});
