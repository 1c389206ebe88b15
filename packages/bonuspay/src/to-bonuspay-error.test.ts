import { describe, expect, it } from 'vitest';
import { findBonusPayErrorRow, toBonusPayError } from './to-bonuspay-error';

const head = (code: string, msg?: string, applyStatus = 'FAIL') => ({ applyStatus, code, msg });
const writes = { writes: true, raw: { kept: true } };

describe('findBonusPayErrorRow', () => {
  it('reads a signature refusal from applyStatus ERROR whatever the code', () => {
    expect(findBonusPayErrorRow(head('500', undefined, 'ERROR'))?.code).toBe('authentication');
  });

  it('takes the documented token leading the msg over the bare code', () => {
    expect(findBonusPayErrorRow(head('400', ' REQUESTTIME_TOO_EARLY : detail'))?.description).toContain(
      'behind',
    );
    expect(findBonusPayErrorRow(head('400', 'SOMETHING_ELSE'))?.description).toContain('INVALID_PARAMETER');
    expect(findBonusPayErrorRow(head('400'))?.code).toBe('invalid_request');
    expect(findBonusPayErrorRow(head('99999'))).toBeUndefined();
  });
});

describe('toBonusPayError', () => {
  it('reads a documented code through the table', () => {
    const error = toBonusPayError(head('601', 'ORDER_NOT_ALLOW'), writes);
    expect(error).toMatchObject({
      code: 'declined',
      outcome: 'rejected',
      provider: 'bonuspay',
      providerCode: '601',
      providerMessage: 'ORDER_NOT_ALLOW',
      raw: { kept: true },
    });
    expect(error.message).toMatch(/^BonusPay answered 601 ORDER_NOT_ALLOW: .+\.$/);
    expect(error.field).toBeUndefined();
  });

  it('keeps the retryable flag of the row', () => {
    expect(toBonusPayError(head('402'), writes).retryable).toBe(true);
    expect(toBonusPayError(head('601'), writes).retryable).toBe(false);
  });

  it('tells a may-have-executed answer to check first', () => {
    const error = toBonusPayError(head('500'), writes);
    expect(error.outcome).toBe('unknown');
    expect(error.message).toMatch(
      /; the refund may have been executed: check it with getRefund before sending it again\.$/,
    );
  });

  it('makes a resend refused with 77013 unknown, as evidence the first attempt executed', () => {
    const error = toBonusPayError(head('77013'), { ...writes, resend: true });
    expect(error.outcome).toBe('unknown');
    expect(error.message).toContain(
      'that attempt having executed explains this refusal: the refund is unknown, not failed',
    );
    const other = toBonusPayError(head('601'), { ...writes, resend: true });
    expect(other.outcome).toBe('rejected');
    expect(other.message).not.toContain('explains this refusal');
    const first = toBonusPayError(head('77013'), writes);
    expect(first.outcome).toBe('rejected');
    expect(first.message).not.toContain('explains this refusal');
  });

  it('names the field of an INVALID_PARAMETER refusal', () => {
    const error = toBonusPayError(head('400', 'INVALID_PARAMETER: chainCode: is required'), writes);
    expect(error.field).toBe('chainCode');
    expect(error.message).toContain(
      'BonusPay refused chainCode (INVALID_PARAMETER): correct chainCode and send again',
    );
  });

  it('leaves an undocumented code after a write to reconciliation, and a read of one rejected', () => {
    const error = toBonusPayError(head('99999', 'ODD'), writes);
    expect(error).toMatchObject({
      code: 'declined',
      outcome: 'unknown',
      provider: 'bonuspay',
      providerCode: '99999',
      providerMessage: 'ODD',
    });
    expect(error.message).toBe(
      'BonusPay answered FAIL with the undocumented code 99999 ODD; the refund may have been executed: check it with getRefund before sending it again.',
    );
    expect(error.raw).toEqual({ kept: true });
    const read = toBonusPayError(head('99999'), { writes: false, raw: {} });
    expect(read.outcome).toBe('rejected');
    expect(read.providerMessage).toBeUndefined();
    expect(read.message).toBe('BonusPay answered FAIL with the undocumented code 99999.');
  });
});
