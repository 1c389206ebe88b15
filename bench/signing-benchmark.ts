import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  timingSafeEqual as nodeTimingSafeEqual,
  sign,
  verify,
} from 'node:crypto';
import { signBonusPayRequest, verifyBonusPaySignature } from '@refunds/bonuspay';
import { signCoinCornerRequest } from '@refunds/coincorner';
import { signGatePayRequest, verifyGatePaySignature } from '@refunds/gatepay';
import { buildIotPayStringToSign, signIotPayParams, verifyIotPaySignature } from '@refunds/iotpay';
import { createBenchCredentials } from './bench-providers';
import type { BenchmarkSection, BudgetCheck } from './benchmark-section';
import { calibrate, compareAlternating } from './compare-alternating';
import { formatNumber, formatRatio } from './format-number';
import { markdownTable } from './markdown-table';
import type { ProviderName } from './workspace-paths';

const budget = 1.5;

interface SigningCase {
  provider: ProviderName;
  operation: 'sign request' | 'verify response';
  primitive: string;
  /** What the provider does beyond the primitive, for the report when the budget is missed. */
  overhead: string;
  subject: () => unknown;
  baseline: () => unknown;
}

function hexEquals(left: string, right: string): boolean {
  const leftBytes = Buffer.from(left);
  const rightBytes = Buffer.from(right);
  return leftBytes.length === rightBytes.length && nodeTimingSafeEqual(leftBytes, rightBytes);
}

/** The bodies are the ones the sandboxes exchange for a refund, so every case signs realistic bytes. */
function signingCases(): SigningCase[] {
  const gatePay = createBenchCredentials('gatepay');
  const timestamp = String(Date.now());
  const nonce = 'CCnDXTXdZzALzGLMFfd9KTLEJsDymW3p';
  const gatePayRequest = new TextEncoder().encode(
    '{"refundRequestId":"rf-bench-1","prepayId":"1795311144424000001","refundAmount":"25.00","refundReason":"Refund"}',
  );
  const gatePayResponse = new TextEncoder().encode(
    '{"status":"SUCCESS","code":"000000","label":"","errorMessage":"","data":{"refundRequestId":"rf-bench-1",' +
      '"refundGateId":"1795311144424000004","prepayId":"1795311144424000001","orderAmount":"25.00","refundAmount":' +
      '"25.00","errMsg":"","orderCurrency":"USDT","payCurrency":"USDT","payAmount":"25.00"}}',
  );
  const gatePayPayload = (body: Uint8Array) =>
    Buffer.concat([Buffer.from(`${timestamp}\n${nonce}\n`), body, Buffer.from('\n')]);
  const gatePayRequestPayload = gatePayPayload(gatePayRequest);
  const gatePayResponsePayload = gatePayPayload(gatePayResponse);
  const hmacSha512 = (payload: Buffer) =>
    createHmac('sha512', gatePay.secretKey!).update(payload).digest('hex');
  const gatePaySignature = hmacSha512(gatePayResponsePayload);

  const iotPay = createBenchCredentials('iotpay');
  const merchantKey = iotPay.merchantKey!;
  const iotPayRequest = {
    mchId: iotPay.mchId,
    mchRefundNo: 'rf-bench-1',
    refundAmount: 2500,
    currency: 'CAD',
    clientIp: '127.0.0.1',
    loginName: iotPay.loginName,
    payOrderId: 'U26112201322499023664800726',
  };
  const iotPayRequestString = buildIotPayStringToSign(iotPayRequest, merchantKey);
  const iotPayResponseFields = {
    retCode: 'SUCCESS',
    retMsg: '',
    resCode: 'SUCCESS',
    refundOrderId: 'R01261122013224000001',
  };
  const iotPayResponseString = buildIotPayStringToSign(iotPayResponseFields, merchantKey);
  const md5Upper = (text: string) => createHash('md5').update(text).digest('hex').toUpperCase();
  const iotPaySign = md5Upper(iotPayResponseString);
  const iotPayResponse = { ...iotPayResponseFields, sign: iotPaySign };

  const bonusPay = createBenchCredentials('bonuspay');
  const bonusPayRequest =
    '{"requestTime":1795311144973,"bizContent":{"refundMerchantOrderNo":"rf-bench-1","originMerchantOrderNo":' +
    '"M239531114497000001","amount":{"currency":"USDT","amount":25.00},"chainCode":"TRON","refundAddress":' +
    '"TAvv2Mu6oiCQJWb4WqEVJS3W6dRk5X3ejc"}}';
  const bonusPayResponse =
    '{"head":{"applyStatus":"SUCCESS","code":"0","msg":"SUCCESS","traceCode":"cef05ffe5c4e0f0f"},"body":{' +
    '"refundOrder":{"refundMerchantOrderNo":"rf-bench-1","orderNo":"239531114497900007","originMerchantOrderNo":' +
    '"M239531114497000001","status":"CREATED","amount":{"currency":"USDT","amount":25.00},"chainCode":"TRON",' +
    '"refundAddress":"TAvv2Mu6oiCQJWb4WqEVJS3W6dRk5X3ejc"}}}';
  // The bare primitive gets keys parsed once, as core's key cache does after the first call.
  const merchantKey_ = createPrivateKey(bonusPay.privateKey!);
  const platformPublicKey = createPublicKey(bonusPay.platformPublicKey!);
  const bonusPayRequestBytes = Buffer.from(bonusPayRequest);
  const bonusPayResponseBytes = Buffer.from(bonusPayResponse);
  const bonusPaySignature = sign(
    'sha256',
    bonusPayResponseBytes,
    createPrivateKey(bonusPay.platformPrivateKey!),
  ).toString('base64');

  const coinCorner = createBenchCredentials('coincorner');
  const coinCornerNonce = '1795311145001000';
  const coinCornerMessage = (coinCornerNonce + coinCorner.userId + coinCorner.apiKey).toLowerCase();
  const coinCornerKey = coinCorner.apiSecret!.toLowerCase();

  return [
    {
      provider: 'gatepay',
      operation: 'sign request',
      primitive: 'HMAC-SHA512',
      overhead: 'joining timestamp, nonce and body into one buffer, and the async interface',
      subject: () =>
        signGatePayRequest({ secretKey: gatePay.secretKey!, timestamp, nonce, body: gatePayRequest }),
      baseline: () => hmacSha512(gatePayRequestPayload),
    },
    {
      provider: 'gatepay',
      operation: 'verify response',
      primitive: 'HMAC-SHA512 + timingSafeEqual',
      overhead:
        "checking the signature's shape, lower-casing it, and a constant-time comparison in JavaScript that encodes both strings to UTF-8 first",
      subject: () =>
        verifyGatePaySignature({
          secretKey: gatePay.secretKey!,
          timestamp,
          nonce,
          body: gatePayResponse,
          signature: gatePaySignature,
        }),
      baseline: () => hexEquals(hmacSha512(gatePayResponsePayload), gatePaySignature),
    },
    {
      provider: 'iotpay',
      operation: 'sign request',
      primitive: 'MD5',
      overhead: 'building the string to sign: sorting the fields, dropping empty ones, joining them',
      subject: () => signIotPayParams(iotPayRequest, merchantKey),
      baseline: () => md5Upper(iotPayRequestString),
    },
    {
      provider: 'iotpay',
      operation: 'verify response',
      primitive: 'MD5 + timingSafeEqual',
      overhead:
        "building the string to sign from the answer's fields, upper-casing, and the JavaScript constant-time comparison",
      subject: () => verifyIotPaySignature(iotPayResponse, merchantKey),
      baseline: () => hexEquals(md5Upper(iotPayResponseString), iotPaySign),
    },
    {
      provider: 'bonuspay',
      operation: 'sign request',
      primitive: 'RSA-2048 SHA-256 sign',
      overhead: "looking the parsed key up in core's cache",
      subject: () => signBonusPayRequest(bonusPayRequest, bonusPay.privateKey!),
      baseline: () => sign('sha256', bonusPayRequestBytes, merchantKey_).toString('base64'),
    },
    {
      provider: 'bonuspay',
      operation: 'verify response',
      primitive: 'RSA-2048 SHA-256 verify',
      overhead: 'strict base64 decoding and the key cache',
      subject: () =>
        verifyBonusPaySignature(bonusPayResponse, bonusPaySignature, bonusPay.platformPublicKey!),
      baseline: () =>
        verify('sha256', bonusPayResponseBytes, platformPublicKey, Buffer.from(bonusPaySignature, 'base64')),
    },
    {
      provider: 'coincorner',
      operation: 'sign request',
      primitive: 'HMAC-SHA256',
      overhead: 'building and lower-casing the message',
      subject: () =>
        signCoinCornerRequest({
          apiSecret: coinCorner.apiSecret!,
          apiKey: coinCorner.apiKey!,
          userId: coinCorner.userId!,
          nonce: coinCornerNonce,
        }),
      baseline: () => createHmac('sha256', coinCornerKey).update(coinCornerMessage).digest('hex'),
    },
  ];
}

/** Section 1: each provider's own signing functions against the bare node:crypto primitive on the same bytes. */
export async function signingBenchmark(): Promise<BenchmarkSection> {
  const rows: string[][] = [];
  const checks: BudgetCheck[] = [];
  for (const signingCase of signingCases()) {
    const operationsPerBlock = await calibrate(signingCase.subject, 4);
    const result = await compareAlternating({
      subject: signingCase.subject,
      baseline: signingCase.baseline,
      blocks: 80,
      operationsPerBlock,
      warmupBlocks: 10,
    });
    const met = result.ratio <= budget;
    const subject = `${signingCase.provider} ${signingCase.operation}`;
    rows.push([
      signingCase.provider,
      signingCase.operation,
      signingCase.primitive,
      formatNumber(result.subjectMedian * 1000, 2),
      formatNumber(result.baselineMedian * 1000, 2),
      formatRatio(result.ratio),
      met ? 'yes' : 'no',
    ]);
    const overheadMicroseconds = (result.subjectMedian - result.baselineMedian) * 1000;
    checks.push({
      section: 'Signing',
      subject,
      budget: `<= ${budget}x node:crypto`,
      measured: formatRatio(result.ratio),
      met,
      explanation:
        `${subject}: the primitive takes only ${formatNumber(result.baselineMedian * 1000, 2)} µs here, so the fixed ` +
        `${formatNumber(overheadMicroseconds, 2)} µs the provider adds (${signingCase.overhead}) is a large share ` +
        'of it; per refund it is a few microseconds against a round trip of hundreds (section 2).',
    });
  }
  rows.push(['coincorner', 'verify response', 'none', 'n/a', 'n/a', 'n/a', 'n/a']);
  const body = [
    "Each provider's exported signing function (`signGatePayRequest`, `signIotPayParams`, `signBonusPayRequest`,",
    '`signCoinCornerRequest`) and verify function, loaded from the built packages so the `node` export condition',
    "selects core's node:crypto implementation, against the bare node:crypto call on the same bytes (keys already",
    'parsed, as core caches them). Blocks of about 4 ms of each alternate (80 blocks each, after 10 warm-up blocks);',
    'the ratio is the median of the ratios of adjacent blocks. The provider side includes what signing really',
    'takes beyond the primitive: building the string to sign (IOTPay sorts and joins the fields), encoding, the',
    'async interface, hex case and a pure-JavaScript constant-time comparison. CoinCorner signs no responses.',
    '',
    markdownTable(
      ['Provider', 'Operation', 'Primitive', 'Provider µs/op', 'node:crypto µs/op', 'Ratio', `<= ${budget}x`],
      rows,
    ),
  ].join('\n');
  const missed = checks.filter((check) => check.met === false);
  const headline =
    missed.length === 0
      ? `every provider signs and verifies within ${budget}x of node:crypto.`
      : `${checks.length - missed.length} of ${checks.length} within ${budget}x of node:crypto; over it: ` +
        `${missed.map((check) => `${check.subject} ${check.measured}`).join(', ')}, on primitives of about a ` +
        'microsecond, where building the string to sign costs as much as hashing it.';
  return { title: 'Signing', body, checks, headline };
}
