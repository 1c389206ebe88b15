import { createHash, createHmac, createPrivateKey, randomBytes, sign } from 'node:crypto';
import type { ProviderName } from './workspace-paths';

export interface CannedRequest {
  method: string;
  /** Path and query string, as received. */
  url: string;
  body: Buffer;
}

export interface CannedAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type CannedResponder = (request: CannedRequest) => CannedAnswer;

/**
 * What each provider answers to an accepted refund, in the shapes captured from its `./sandbox`, signed the way
 * the provider signs (written with node:crypto, independently of the packages under test). Answers echo the
 * refund id, order and amount of the request, so they pass each adapter's integrity checks. Request signatures
 * are not checked: the endpoint stands for the network and a provider at their fastest, nothing more.
 */
export function createCannedResponder(
  provider: ProviderName,
  credentials: Record<string, string>,
): CannedResponder {
  switch (provider) {
    case 'gatepay':
      return gatePayResponder(credentials);
    case 'iotpay':
      return iotPayResponder(credentials);
    case 'bonuspay':
      return bonusPayResponder(credentials);
    case 'coincorner':
      return () => ({ status: 200, headers: { 'content-type': 'application/json' }, body: '' });
  }
}

const notFound: CannedAnswer = { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };

function gatePayResponder(credentials: Record<string, string>): CannedResponder {
  const secretKey = credentials.secretKey!;
  const signed = (body: string): CannedAnswer => {
    const timestamp = String(Date.now());
    const nonce = randomBytes(16).toString('hex');
    const signature = createHmac('sha512', secretKey)
      .update(`${timestamp}\n${nonce}\n${body}\n`)
      .digest('hex');
    return {
      status: 200,
      headers: {
        'content-type': 'application/json',
        'x-gatepay-timestamp': timestamp,
        'x-gatepay-nonce': nonce,
        'x-gatepay-signature': signature,
      },
      body,
    };
  };
  const envelope = (data: Record<string, unknown>) =>
    JSON.stringify({ status: 'SUCCESS', code: '000000', label: '', errorMessage: '', data });
  return (request) => {
    if (request.method === 'POST' && request.url === '/v2/standard/order/refund') {
      const sent = JSON.parse(request.body.toString('utf8')) as Record<string, string>;
      return signed(
        envelope({
          refundRequestId: sent.refundRequestId,
          refundGateId: '1795311144424000004',
          prepayId: sent.prepayId,
          orderAmount: sent.refundAmount,
          refundAmount: sent.refundAmount,
          errMsg: '',
          orderCurrency: 'USDT',
          payCurrency: 'USDT',
          payAmount: sent.refundAmount,
        }),
      );
    }
    // The host's reconciler asks for the status of every accepted refund: answer that it succeeded.
    if (request.method === 'GET' && request.url.startsWith('/v2/pay/refund/details?')) {
      const query = new URLSearchParams(request.url.slice(request.url.indexOf('?') + 1));
      return signed(
        envelope({
          refundRequestId: query.get('refundRequestId'),
          gateRefundId: '1795311144424000004',
          requestAmount: '1.00',
          requestCurrency: 'USDT',
          amount: '1.00',
          currency: 'USDT',
          status: 'SUCCESS',
        }),
      );
    }
    return notFound;
  };
}

function iotPayResponder(credentials: Record<string, string>): CannedResponder {
  // IOTPay's acceptance echoes nothing of the request, so one signed answer serves every refund.
  const fields = {
    retCode: 'SUCCESS',
    retMsg: '',
    resCode: 'SUCCESS',
    refundOrderId: 'R01261122013224000001',
  };
  const stringToSign = `refundOrderId=${fields.refundOrderId}&resCode=SUCCESS&retCode=SUCCESS&key=${credentials.merchantKey}`;
  const sign = createHash('md5').update(stringToSign).digest('hex').toUpperCase();
  const answer: CannedAnswer = {
    status: 200,
    headers: { 'content-type': 'application/json;charset=UTF-8' },
    body: JSON.stringify({ ...fields, sign }),
  };
  return (request) => (request.method === 'POST' && request.url === '/v1/refund_order' ? answer : notFound);
}

function bonusPayResponder(credentials: Record<string, string>): CannedResponder {
  const platformKey = createPrivateKey(credentials.platformPrivateKey!);
  // An RSA signature costs the endpoint about a millisecond; a refund asked for again gets the same bytes.
  const answers = new Map<string, CannedAnswer>();
  return (request) => {
    if (request.method !== 'POST' || request.url !== '/sgs/api/crypto/refund/placeOrder') return notFound;
    const text = request.body.toString('utf8');
    const cached = answers.get(text.slice(text.indexOf('"bizContent"')));
    if (cached) return cached;
    // The amount is a JSON number whose digits must come back as sent (25.00, not 25).
    const amount = /"amount":\{"currency":"([^"]+)","amount":([0-9.]+)\}/.exec(text);
    const sent = JSON.parse(text) as { bizContent: Record<string, string> };
    const { refundMerchantOrderNo, originMerchantOrderNo, chainCode, refundAddress } = sent.bizContent;
    const money = `{"currency":"${amount?.[1]}","amount":${amount?.[2]}}`;
    const body =
      `{"head":{"applyStatus":"SUCCESS","code":"0","msg":"SUCCESS","traceCode":"cef05ffe5c4e0f0f"},` +
      `"body":{"refundOrder":{"refundMerchantOrderNo":${JSON.stringify(refundMerchantOrderNo)},` +
      `"orderNo":"239531114497900007","originMerchantOrderNo":${JSON.stringify(originMerchantOrderNo)},` +
      `"status":"CREATED","amount":${money},"chainCode":${JSON.stringify(chainCode)},` +
      `"refundAddress":${JSON.stringify(refundAddress)}},` +
      `"refundSummary":{"acquireAmount":${money},"remainRefundAmount":{"currency":"${amount?.[1]}","amount":0}}}}`;
    const answer: CannedAnswer = {
      status: 200,
      headers: {
        'content-type': 'application/json;charset=UTF-8',
        sign: sign('sha256', Buffer.from(body), platformKey).toString('base64'),
      },
      body,
    };
    if (answers.size < 10_000) answers.set(text.slice(text.indexOf('"bizContent"')), answer);
    return answer;
  };
}
