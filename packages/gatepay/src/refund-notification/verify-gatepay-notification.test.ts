import { refundErrorOf as refusal } from '@refunds/core/testing';
import { describe, expect, it } from 'vitest';
import knownAnswers from '../__fixtures__/known-answers.json';
import { nodeGatePaySignature } from '../__fixtures__/recording-fetch';
import { verifyGatePayNotification } from './verify-gatepay-notification';

const gp6 = knownAnswers.vectors.find((vector) => vector.name === 'GP-6')!;
const gp6Headers = {
  'X-GatePay-Timestamp': gp6.timestamp,
  'X-GatePay-Nonce': gp6.nonce,
  'X-GatePay-Signature': gp6.signature,
};
// GP-6 was signed in May 2026; the window is checked against that moment.
const atSigning = () => Number(gp6.timestamp) + 1_000;
/** GP-6 exactly as GatePay sent it, with the secret that signed it. */
const gp6Input = { secretKey: gp6.secretKey, body: gp6.body, headers: gp6Headers };

function signed(body: string, timestamp = String(Date.now()), secretKey = 'test-secret-key') {
  return {
    body,
    headers: {
      'x-gatepay-timestamp': timestamp,
      'x-gatepay-nonce': 'n0nce',
      'x-gatepay-signature': nodeGatePaySignature(secretKey, timestamp, 'n0nce', body),
    },
  };
}

describe('verifyGatePayNotification', () => {
  it('verifies the known answer GP-6 and decodes its data string', async () => {
    const notification = await verifyGatePayNotification({ ...gp6Input, now: atSigning });
    expect(notification).toMatchObject({
      bizType: 'PAY_REFUND',
      bizId: '79553022813274112',
      bizStatus: 'REFUND_SUCCESS',
      clientId: 'smsWJbaQektcDhOw',
    });
    expect(notification.data.refundInfo).toEqual({
      refundRequestId: '6559049045',
      prepayId: '79553022813274112',
      orderAmount: '0.01200000',
      refundAmount: '0.012',
    });
  });

  it('verifies raw bytes given as a Uint8Array, and headers given as a Headers object', async () => {
    const notification = await verifyGatePayNotification({
      secretKey: gp6.secretKey,
      body: new TextEncoder().encode(gp6.body),
      headers: new Headers(gp6Headers),
      now: atSigning,
    });
    expect(notification.bizId).toBe('79553022813274112');
  });

  it('accepts client_id instead of clientId, and bizId as a JSON number above 2^53', async () => {
    const body =
      '{"bizType":"PAY_REFUND","bizId":79553022813274113,"bizStatus":"REFUND_PROCESS","client_id":"c1","data":"{\\"refundInfo\\":{\\"refundRequestId\\":\\"r1\\"}}"}';
    const notification = await verifyGatePayNotification({ secretKey: 'test-secret-key', ...signed(body) });
    expect(notification.clientId).toBe('c1');
    expect(notification.bizId).toBe('79553022813274113');
  });

  it('refuses a body changed after signing (the refund id altered)', async () => {
    const error = await refusal(
      verifyGatePayNotification({
        ...gp6Input,
        body: gp6.body.replace('6559049045', '6559049046'),
        now: atSigning,
      }),
    );
    expect(error.code).toBe('signature_invalid');
  });

  it('refuses a body re-serialized by a JSON parser (whitespace changes the bytes)', async () => {
    const reformatted = JSON.stringify(JSON.parse(gp6.body), null, 1);
    const error = await refusal(
      verifyGatePayNotification({ ...gp6Input, body: reformatted, now: atSigning }),
    );
    expect(error.code).toBe('signature_invalid');
    expect(error.message).toMatch(/raw body/);
  });

  it.each(['X-GatePay-Timestamp', 'X-GatePay-Nonce', 'X-GatePay-Signature'])(
    'refuses a notification without %s',
    async (name) => {
      const headers: Record<string, string> = { ...gp6Headers };
      delete headers[name];
      const error = await refusal(verifyGatePayNotification({ ...gp6Input, headers, now: atSigning }));
      expect(error.code).toBe('signature_invalid');
    },
  );

  it('refuses a correctly signed notification outside the timestamp window, unless the window is widened', async () => {
    const error = await refusal(verifyGatePayNotification(gp6Input));
    expect(error.code).toBe('signature_invalid');
    expect(error.message).toMatch(/window/);
    const tenMinutesLate = () => Number(gp6.timestamp) + 600_000;
    await expect(verifyGatePayNotification({ ...gp6Input, now: tenMinutesLate })).rejects.toMatchObject({
      code: 'signature_invalid',
    });
    await expect(
      verifyGatePayNotification({ ...gp6Input, now: tenMinutesLate, toleranceMs: 900_000 }),
    ).resolves.toMatchObject({ bizStatus: 'REFUND_SUCCESS' });
  });

  it('refuses a notification signed with another secret', async () => {
    const body = '{"bizType":"PAY_REFUND","bizId":"1","bizStatus":"REFUND_SUCCESS","data":"{}"}';
    const error = await refusal(
      verifyGatePayNotification({
        secretKey: 'test-secret-key',
        ...signed(body, undefined, 'another-secret'),
      }),
    );
    expect(error.code).toBe('signature_invalid');
  });

  it('reports a correctly signed body that is not a notification as invalid_response', async () => {
    const error = await refusal(
      verifyGatePayNotification({ secretKey: 'test-secret-key', ...signed('{"data":"{}"}') }),
    );
    expect(error.code).toBe('invalid_response');
    const notJson = await refusal(
      verifyGatePayNotification({
        secretKey: 'test-secret-key',
        ...signed('{"bizType":"PAY_REFUND","bizId":"1","bizStatus":"X","data":"{oops"}'),
      }),
    );
    expect(notJson.code).toBe('invalid_response');
  });
});
