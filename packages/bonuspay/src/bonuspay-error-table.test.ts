import { describeErrorTable, refundErrorOf } from '@refunds/core/testing';
import { describe, expect, it } from 'vitest';
import { envelope, fakeBonusPayFetch } from './__fixtures__/fake-bonuspay-fetch';
import { testKeys, testSettings } from './__fixtures__/known-answers';
import { bonusPayErrorTable } from './bonuspay-error-table';
import { createBonusPayClient } from './create-bonuspay-client';

// The vectors were made with one test key playing both roles (reference B8).
const settings = testSettings;

const refund = {
  refundMerchantOrderNo: 'R1',
  originMerchantOrderNo: 'M1',
  amount: { currency: 'USDT', amount: '1.00' },
};

// What each documented answer must mean to a caller, written from the reference (B5), not from the table:
// [key, error code, outcome after a write, after a resend, the answer's head].
const expected = [
  ['applyStatus:ERROR', 'authentication', 'rejected', 'rejected', ['ERROR', '400', 'INVALID_SIGNATURE']],
  ['400', 'invalid_request', 'rejected', 'rejected', ['FAIL', '400', 'INVALID_PARAMETER']],
  [
    '400:REQUESTTIME_TOO_EARLY',
    'invalid_request',
    'rejected',
    'rejected',
    ['FAIL', '400', 'REQUESTTIME_TOO_EARLY'],
  ],
  [
    '400:REQUESTTIME_TOO_LATER',
    'invalid_request',
    'rejected',
    'rejected',
    ['FAIL', '400', 'REQUESTTIME_TOO_LATER'],
  ],
  ['402', 'rate_limited', 'rejected', 'rejected', ['FAIL', '402', 'RATE_LIMIT_REJECT']],
  ['403', 'authentication', 'rejected', 'rejected', ['FAIL', '403', 'UNAUTHORIZED']],
  ['404', 'provider_unavailable', 'rejected', 'rejected', ['FAIL', '404', 'SERVICE_NOT_AVAILABLE']],
  ['500', 'provider_unavailable', 'unknown', 'unknown', ['FAIL', '500', 'SYSTEM_ERROR']],
  ['504', 'timeout', 'unknown', 'unknown', ['FAIL', '504', 'SERVICE_TIMEOUT']],
  ['601', 'declined', 'rejected', 'rejected', ['FAIL', '601', 'RISK_FAIL']],
  ['77002', 'declined', 'rejected', 'rejected', ['FAIL', '77002', 'ORDER_FAILURE']],
  ['77004', 'not_found', 'rejected', 'rejected', ['FAIL', '77004', 'MERCHANT_ORDER_NO_NOT_EXIST']],
  // A resend refused for the balance or the number can be refused because its first attempt executed.
  ['77005', 'declined', 'rejected', 'unknown', ['FAIL', '77005', 'REFUND_AMOUNT_EXCEEDED']],
  ['77013', 'duplicate', 'rejected', 'unknown', ['FAIL', '77013', 'REFUND_MERCHANT_ORDER_NO_EXIST']],
  ['77016', 'not_found', 'rejected', 'rejected', ['FAIL', '77016', 'ORDER_NO_NOT_EXIST']],
  ['77024', 'declined', 'rejected', 'rejected', ['FAIL', '77024', 'ORDER_NOT_PAID']],
] as const;

const headOf = (key: string) => expected.find((row) => row[0] === key)![4];

function clientAnswering(head: [string, string, string], sign: 'valid' | 'none') {
  const [applyStatus, code, msg] = head;
  const { fetch } = fakeBonusPayFetch(testKeys.privateKey, () => ({
    body: envelope({ applyStatus, code, msg }),
    sign,
  }));
  return createBonusPayClient({ ...settings, fetch });
}

/** Gateway codes come unsigned; business refusals (77xxx) come signed. */
const clientFor = (key: string) => {
  const head = headOf(key);
  return clientAnswering([...head], head[1].startsWith('77') ? 'valid' : 'none');
};

describeErrorTable({
  provider: 'bonuspay',
  table: bonusPayErrorTable,
  expected,
  provoke: (key, { resend }) => clientFor(key).placeRefundOrder(refund, { resend }),
});

describe('bonusPayErrorTable', () => {
  for (const [key, code] of expected) {
    it(`keeps BonusPay's code and words for ${key}, and a read of it rejected`, async () => {
      const [, providerCode, providerMessage] = headOf(key);
      const client = clientFor(key);
      expect(await refundErrorOf(client.placeRefundOrder(refund))).toMatchObject({
        providerCode,
        providerMessage,
      });
      // A read executes nothing, so no answer to it leaves money in doubt.
      const read = await refundErrorOf(client.getRefundOrder({ refundMerchantOrderNo: 'R1' }));
      expect(read).toMatchObject({ code, outcome: 'rejected' });
    });
  }

  it('also accepts a gateway error that happens to be signed', async () => {
    const error = await clientAnswering(['FAIL', '402', 'RATE_LIMIT_REJECT'], 'valid')
      .placeRefundOrder(refund)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'rate_limited', retryable: true });
  });

  it('refuses an unsigned business refusal: only gateway codes may come unsigned', async () => {
    const error = await clientAnswering(['FAIL', '77005', 'REFUND_AMOUNT_EXCEEDED'], 'none')
      .placeRefundOrder(refund)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'signature_invalid', outcome: 'unknown' });
  });

  it('treats an undocumented code as unknown after a write, so the refund is looked up, not resent', async () => {
    for (const [head, sign] of [
      [['FAIL', '77999', 'SOMETHING_NEW'], 'valid'],
      [['FAIL', '58001', 'GATEWAY_SOMETHING'], 'none'],
      [['SUCCESS', '77005', 'REFUND_AMOUNT_EXCEEDED'], 'valid'],
    ] as const) {
      const error = await clientAnswering([...head], sign)
        .placeRefundOrder(refund)
        .catch((caught: unknown) => caught);
      expect(error).toMatchObject({ providerCode: head[1] });
      if (head[1] === '77005') expect(error).toMatchObject({ code: 'declined', outcome: 'rejected' });
      else expect(error).toMatchObject({ code: 'declined', outcome: 'unknown' });
    }
  });

  it('names the field an INVALID_PARAMETER answer names, so the merchant knows what to change', async () => {
    const named = await clientAnswering(
      ['FAIL', '400', 'INVALID_PARAMETER: chainCode: is required for a chain payment'],
      'none',
    )
      .placeRefundOrder(refund)
      .catch((caught: unknown) => caught);
    expect(named).toMatchObject({
      code: 'invalid_request',
      outcome: 'rejected',
      field: 'chainCode',
      providerCode: '400',
      providerMessage: 'INVALID_PARAMETER: chainCode: is required for a chain payment',
    });
    expect((named as Error).message).toMatch(/refused chainCode .*correct chainCode/);
    const bare = await clientAnswering(['FAIL', '400', 'INVALID_PARAMETER'], 'none')
      .placeRefundOrder(refund)
      .catch((caught: unknown) => caught);
    expect((bare as { field?: string }).field).toBeUndefined();
  });

  it('tells a resend refused with 77013 that the refusal is evidence, not a failure', async () => {
    const error = await clientAnswering(['FAIL', '77013', 'REFUND_MERCHANT_ORDER_NO_EXIST'], 'valid')
      .placeRefundOrder(refund, { resend: true })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/resend .*unknown, not failed.*never refund it again/);
  });

  it('keeps the raw answer redacted and the messages actionable', async () => {
    const error = await clientAnswering(['FAIL', '403', 'UNAUTHORIZED'], 'none')
      .placeRefundOrder(refund)
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ raw: { head: { code: '403', msg: 'UNAUTHORIZED' } } });
    expect((error as Error).message).toMatch(/partnerId/);
  });
});
