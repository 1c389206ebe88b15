import * as v from 'valibot';
import { afterEach, describe, expect, it } from 'vitest';
import { documentedRefundOrderResponse } from '../__fixtures__/documented-refund-order-response';
import recorded from '../__fixtures__/published-refund-requests.json';
import { createIotPay } from '../create-iotpay';
import type { IotPaySettings } from '../iotpay-settings';
import { signIotPayParams } from '../signing/sign-iotpay-params';
import { verifyIotPaySignature } from '../signing/verify-iotpay-signature';
import { createIotPaySandbox, type IotPaySandbox } from './create-iotpay-sandbox';
import type { IotPaySandboxOptions } from './iotpay-sandbox-options';

type RecordedRequest = (typeof recorded.requests)[number];

let sandbox: IotPaySandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function sandboxFor(request: RecordedRequest, options: IotPaySandboxOptions = {}) {
  sandbox = await createIotPaySandbox({
    ...request.merchant,
    merchantKey: recorded.testKey,
    settleAfterMs: 60_000,
    ...options,
  });
  const { payOrderId, amount, currency } = request.order;
  await sandbox.seedOrder({ amount: { amount, currency }, orderId: payOrderId });
  return sandbox;
}

/** Sends the recorded bytes as they are: no client of ours builds or encodes anything here. */
async function replay(running: IotPaySandbox, request: RecordedRequest) {
  const response = await fetch(`${running.url}${request.path}`, {
    method: request.method,
    headers: request.headers as Record<string, string>,
    body: request.body,
  });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), text };
}

/** The params JSON inside a recorded body, read as PHP's json_encode wrote it (raw, not percent-encoded). */
function recordedParams(request: RecordedRequest): Record<string, unknown> {
  return JSON.parse(request.body.slice('params='.length)) as Record<string, unknown>;
}

describe.each(recorded.requests)('the sandbox answers "$name" as IOTPay documents', (request) => {
  it('holds a request signed by IOTPay’s MD5 rule with the test key, its layout as published', async () => {
    expect(request.body.startsWith('params={')).toBe(true);
    const params = recordedParams(request);
    const { sign, ...fields } = params;
    // Values as PHP prints them: numbers sign as their digits, empty values are left out.
    const signable = Object.fromEntries(Object.entries(fields).map(([name, value]) => [name, String(value)]));
    expect(sign).toBe(await signIotPayParams(signable, recorded.testKey));
    expect(Object.keys(params).at(-1)).toBe('sign');
  });

  it('accepts it byte for byte and answers under the documented field names and JSON types', async () => {
    const running = await sandboxFor(request);
    const answer = await replay(running, request);
    const received = running.requests.at(-1);
    expect(received?.text).toBe(request.body);
    expect(received?.headers.get('content-type')).toBe(request.headers['content-type']);
    expect([answer.status, answer.contentType]).toEqual([200, 'application/json;charset=UTF-8']);

    const accepted = v.parse(documentedRefundOrderResponse, JSON.parse(answer.text));
    expect(accepted).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS' });
    expect(await verifyIotPaySignature(accepted, recorded.testKey)).toBe(true);
    const params = recordedParams(request);
    expect(running.executedRefunds()).toEqual([
      {
        orderId: request.order.payOrderId,
        refundId: String(params.mchRefundNo),
        providerRefundId: accepted.refundOrderId,
        amount: '0.01',
        status: 'pending',
      },
    ]);

    // The same bytes again: a reused mchRefundNo, refused in the documented shape, and nothing paid twice.
    const again = v.parse(documentedRefundOrderResponse, JSON.parse((await replay(running, request)).text));
    expect(again).toMatchObject({ retCode: 'SUCCESS', resCode: 'FAIL', errCode: '0014' });
    expect(running.executedRefunds()).toHaveLength(1);

    // Our adapter reads the refund the PHP client made.
    const provider = createIotPay({ ...(running.settings as IotPaySettings) });
    const found = await provider.getRefund({ refundId: String(params.mchRefundNo) });
    expect(found).toMatchObject({ status: 'pending', amount: { amount: '0.01', currency: 'CAD' } });
  });

  it('answers a forged sign unsigned with retCode FAIL, in the documented shape', async () => {
    const running = await sandboxFor(request);
    const forged = { ...request, body: request.body.replace(/"sign":"[0-9A-F]/, '"sign":"Z') };
    const refused = v.parse(documentedRefundOrderResponse, JSON.parse((await replay(running, forged)).text));
    expect(refused).toEqual({ retCode: 'FAIL', retMsg: 'signature error' });
    expect(running.executedRefunds()).toHaveLength(0);
  });

  it('with strictContentType, refuses it only when its content type contradicts its params= shape', async () => {
    const running = await sandboxFor(request, { strictContentType: true });
    const answer = JSON.parse((await replay(running, request)).text) as Record<string, unknown>;
    const isForm = request.headers['content-type'].startsWith('application/x-www-form-urlencoded');
    if (isForm) expect(answer).toMatchObject({ retCode: 'SUCCESS', resCode: 'SUCCESS' });
    else expect(answer).toEqual({ retCode: 'FAIL', retMsg: 'post data empty' });
  });
});
