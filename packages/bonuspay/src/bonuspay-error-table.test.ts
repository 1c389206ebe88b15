import { describe, expect, it } from 'vitest';
import { envelope, fakeBonusPayFetch } from './__fixtures__/fake-bonuspay-fetch';
import { testKeys } from './__fixtures__/known-answers';
import { bonusPayErrorTable } from './bonuspay-error-table';
import { createBonusPayClient } from './create-bonuspay-client';

const settings = {
  partnerId: '200000000888',
  privateKey: testKeys.privateKey,
  platformPublicKey: testKeys.publicKey,
  baseUrl: 'https://bonuspay.test/sgs/api',
};

const refund = {
  refundMerchantOrderNo: 'R1',
  originMerchantOrderNo: 'M1',
  amount: { currency: 'USDT', amount: '1.00' },
};

// What each documented answer must mean to a caller, written from the reference (B5), not from the table.
const expected: Record<
  keyof typeof bonusPayErrorTable,
  { head: [string, string, string]; code: string; afterWrite: string; afterResend: string }
> = {
  'applyStatus:ERROR': {
    head: ['ERROR', '400', 'INVALID_SIGNATURE'],
    code: 'authentication',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '400': {
    head: ['FAIL', '400', 'INVALID_PARAMETER'],
    code: 'invalid_request',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '400:REQUESTTIME_TOO_EARLY': {
    head: ['FAIL', '400', 'REQUESTTIME_TOO_EARLY'],
    code: 'invalid_request',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '400:REQUESTTIME_TOO_LATER': {
    head: ['FAIL', '400', 'REQUESTTIME_TOO_LATER'],
    code: 'invalid_request',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '402': {
    head: ['FAIL', '402', 'RATE_LIMIT_REJECT'],
    code: 'rate_limited',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '403': {
    head: ['FAIL', '403', 'UNAUTHORIZED'],
    code: 'authentication',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '404': {
    head: ['FAIL', '404', 'SERVICE_NOT_AVAILABLE'],
    code: 'provider_unavailable',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '500': {
    head: ['FAIL', '500', 'SYSTEM_ERROR'],
    code: 'provider_unavailable',
    afterWrite: 'unknown',
    afterResend: 'unknown',
  },
  '504': {
    head: ['FAIL', '504', 'SERVICE_TIMEOUT'],
    code: 'timeout',
    afterWrite: 'unknown',
    afterResend: 'unknown',
  },
  '601': {
    head: ['FAIL', '601', 'RISK_FAIL'],
    code: 'declined',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '77002': {
    head: ['FAIL', '77002', 'ORDER_FAILURE'],
    code: 'declined',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '77004': {
    head: ['FAIL', '77004', 'MERCHANT_ORDER_NO_NOT_EXIST'],
    code: 'not_found',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  // A resend refused for the balance or the number can be refused because its first attempt executed.
  '77005': {
    head: ['FAIL', '77005', 'REFUND_AMOUNT_EXCEEDED'],
    code: 'declined',
    afterWrite: 'rejected',
    afterResend: 'unknown',
  },
  '77013': {
    head: ['FAIL', '77013', 'REFUND_MERCHANT_ORDER_NO_EXIST'],
    code: 'duplicate',
    afterWrite: 'rejected',
    afterResend: 'unknown',
  },
  '77016': {
    head: ['FAIL', '77016', 'ORDER_NO_NOT_EXIST'],
    code: 'not_found',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
  '77024': {
    head: ['FAIL', '77024', 'ORDER_NOT_PAID'],
    code: 'declined',
    afterWrite: 'rejected',
    afterResend: 'rejected',
  },
};

function clientAnswering(head: [string, string, string], sign: 'valid' | 'none') {
  const [applyStatus, code, msg] = head;
  const { fetch } = fakeBonusPayFetch(testKeys.privateKey, () => ({
    body: envelope({ applyStatus, code, msg }),
    sign,
  }));
  return createBonusPayClient({ ...settings, fetch });
}

describe('bonusPayErrorTable', () => {
  it('has one row for every documented code and nothing else', () => {
    expect(Object.keys(bonusPayErrorTable).sort()).toEqual(Object.keys(expected).sort());
  });

  for (const [key, row] of Object.entries(expected)) {
    const gatewayError = !row.head[1].startsWith('77');
    it(`maps ${key} (${gatewayError ? 'unsigned gateway error' : 'signed refusal'}) to ${row.code}`, async () => {
      const client = clientAnswering(row.head, gatewayError ? 'none' : 'valid');
      const write = await client.placeRefundOrder(refund).catch((caught: unknown) => caught);
      expect(write).toMatchObject({
        code: row.code,
        outcome: row.afterWrite,
        provider: 'bonuspay',
        providerCode: row.head[1],
        providerMessage: row.head[2],
      });
      const resend = await client
        .placeRefundOrder(refund, { resend: true })
        .catch((caught: unknown) => caught);
      expect(resend).toMatchObject({ code: row.code, outcome: row.afterResend, providerCode: row.head[1] });
      // A read executes nothing, so no answer to it leaves money in doubt.
      const read = await client
        .getRefundOrder({ refundMerchantOrderNo: 'R1' })
        .catch((caught: unknown) => caught);
      expect(read).toMatchObject({ code: row.code, outcome: 'rejected' });
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
