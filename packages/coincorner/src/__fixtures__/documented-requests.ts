import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * How the sample signs: the exact message and key its code builds.
 * - csharp: `/Help/Signature` C# `GetHash`: the whole message lower-cased, the secret lower-cased.
 * - php: `/Help/Signature` PHP `Generate_Sig` and the WooCommerce plugin: key and secret lower-cased, the user
 *   id kept as it is.
 * - python: `/Help/Signature` Python `GenerateSig`: `str(nonce) + UserId + API_KEY`, nothing lower-cased in
 *   the part the stored copy shows (its HMAC line is cut off: HMAC-SHA256 hex with the secret is assumed).
 */
export type SampleSigner = 'csharp' | 'php' | 'python';

/** How the sample makes its nonce; replays keep its unit and count up from the clock. */
export type SampleNonce = 'seconds' | 'milliseconds' | 'microseconds';

export interface DocumentedRequest {
  name: string;
  /** Where the bytes come from. */
  source: string;
  action: 'RefundOrder' | 'CheckOrder' | 'GetOrder';
  /** The file under documented-requests/, byte for byte. */
  file: string;
  contentType: string;
  /** The credentials the sample itself names (its placeholders), used as the sandbox's test credentials. */
  credentials: { apiKey: string; apiSecret: string; userId: string };
  signer: SampleSigner;
  nonce: SampleNonce;
  /** The exact text standing for the nonce and the signature: the only bytes a replay replaces. */
  nonceText: string;
  signatureText: string;
  /** Sample values that are placeholders for the merchant's own (an address to fill in), and a real value. */
  placeholders?: Record<string, string>;
  /** The order the sample refers to, seeded in the sandbox under that id. */
  orderId: string;
}

const helpPage = (action: string) =>
  `CoinCorner Checkout API help page https://checkout.coincorner.com/Help/Api/POST-api-${action}`;
// The help page's sample GUIDs change on every rendering; these are the ones in the copies quoted. Secret and
// user id are this test's own: the help page samples carry no signature to reproduce.
const helpPageCredentials = (apiKey: string) => ({
  apiKey,
  apiSecret: 'test-secret-not-real',
  userId: '24680',
});
const testnetAddress = 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx';

export const documentedRequests: readonly DocumentedRequest[] = [
  {
    name: 'RefundOrder, help page JSON sample',
    source: `${helpPage('RefundOrder')}, "Request Formats: application/json, text/json, Sample"`,
    action: 'RefundOrder',
    file: 'refund-order.help-page.json',
    contentType: 'application/json',
    credentials: helpPageCredentials('f6a425a0-08c0-4df5-b56b-98e4afa01995'),
    signer: 'python',
    nonce: 'milliseconds',
    nonceText: '"Nonce": 6',
    signatureText: '"Signature": "sample string 5"',
    placeholders: { '"sample string 3"': `"${testnetAddress}"` },
    orderId: 'sample string 1',
  },
  {
    name: 'RefundOrder, help page XML sample',
    source: `${helpPage('RefundOrder')}, "Request Formats: application/xml, text/xml, Sample"`,
    action: 'RefundOrder',
    file: 'refund-order.help-page.xml',
    contentType: 'application/xml',
    credentials: helpPageCredentials('f6a425a0-08c0-4df5-b56b-98e4afa01995'),
    signer: 'csharp',
    nonce: 'seconds',
    nonceText: '<Nonce>6</Nonce>',
    signatureText: '<Signature>sample string 5</Signature>',
    placeholders: { '<Address>sample string 3</Address>': `<Address>${testnetAddress}</Address>` },
    orderId: 'sample string 1',
  },
  {
    name: 'RefundOrder, C# sample (FormUrlEncodedContent)',
    source:
      `${helpPage('RefundOrder')}, C# example: values APIKey "PublicKey".ToLower(), Signature GetHash(nonce), Nonce ` +
      '(int) seconds, OrderId "55", Amount "10.00", Address "Bitcoin Wallet Address", RefundType "1", posted as ' +
      'FormUrlEncodedContent (application/x-www-form-urlencoded, spaces as +); GetHash from /Help/Signature',
    action: 'RefundOrder',
    file: 'refund-order.csharp-sample.form',
    contentType: 'application/x-www-form-urlencoded',
    // The sample's own placeholders: "PublicKey".ToLower(), UserId "UserId", "SecretKey".ToLower().
    credentials: { apiKey: 'publickey', apiSecret: 'secretkey', userId: 'UserId' },
    signer: 'csharp',
    nonce: 'seconds',
    nonceText: '{Nonce}',
    signatureText: '{Signature}',
    placeholders: { 'Address=Bitcoin+Wallet+Address': `Address=${testnetAddress}` },
    orderId: '55',
  },
  {
    name: 'CheckOrder, help page JSON sample',
    source: `${helpPage('CheckOrder')}, "Request Formats: application/json, text/json, Sample"`,
    action: 'CheckOrder',
    file: 'check-order.help-page.json',
    contentType: 'application/json',
    credentials: helpPageCredentials('4ce09ebb-b526-454f-9424-494fbb860c68'),
    signer: 'python',
    nonce: 'milliseconds',
    nonceText: '"Nonce": 4',
    signatureText: '"Signature": "sample string 3"',
    orderId: 'sample string 1',
  },
  {
    name: 'CheckOrder, help page XML sample (inherited members in their own namespace)',
    source: `${helpPage('CheckOrder')}, "Request Formats: application/xml, text/xml, Sample"`,
    action: 'CheckOrder',
    file: 'check-order.help-page.xml',
    contentType: 'text/xml',
    credentials: helpPageCredentials('4ce09ebb-b526-454f-9424-494fbb860c68'),
    signer: 'csharp',
    nonce: 'seconds',
    nonceText: '>4</Nonce>',
    signatureText: '>sample string 3</Signature>',
    orderId: 'sample string 1',
  },
  {
    name: 'CheckOrder, WooCommerce plugin (PHP, wp_remote_post of an array)',
    source:
      'github.com/coincorner/CoinCorner-WooCommerce CoinCornerCheckout.php payment_callback(): body array APIKey, ' +
      'Signature, Nonce, OrderId in that order, form-encoded by WordPress; Generate_Sig() signs. APIKey and OrderId ' +
      "are this test's values",
    action: 'CheckOrder',
    file: 'check-order.woocommerce.form',
    contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
    credentials: {
      apiKey: '5b0e6f2c-3d4a-4e8b-9c1d-7a6b5c4d3e2f',
      apiSecret: 'test-secret-not-real',
      userId: '24680',
    },
    signer: 'php',
    nonce: 'seconds',
    nonceText: '{Nonce}',
    signatureText: '{Signature}',
    orderId: '1001',
  },
  {
    name: 'GetOrder, help page JSON sample',
    source: `${helpPage('GetOrder')}, "Request Formats: application/json, text/json, Sample"`,
    action: 'GetOrder',
    file: 'get-order.help-page.json',
    contentType: 'text/json',
    credentials: helpPageCredentials('3e4941f4-adcb-43ac-867e-439c91fee289'),
    signer: 'php',
    nonce: 'microseconds',
    nonceText: '"Nonce": 4',
    signatureText: '"Signature": "sample string 3"',
    orderId: 'sample string 1',
  },
  {
    name: 'GetOrder, help page XML sample',
    source: `${helpPage('GetOrder')}, "Request Formats: application/xml, text/xml, Sample"`,
    action: 'GetOrder',
    file: 'get-order.help-page.xml',
    contentType: 'application/xml',
    credentials: helpPageCredentials('3e4941f4-adcb-43ac-867e-439c91fee289'),
    signer: 'csharp',
    nonce: 'seconds',
    nonceText: '<Nonce>4</Nonce>',
    signatureText: '<Signature>sample string 3</Signature>',
    orderId: 'sample string 1',
  },
];

/** The stored bytes of a documented request. */
export function documentedRequestText(request: DocumentedRequest): string {
  return readFileSync(new URL(`./documented-requests/${request.file}`, import.meta.url), 'utf8');
}

/** The signature the sample's code computes, with node:crypto rather than the package's own signer. */
export function signAsSample(request: DocumentedRequest, nonce: string): string {
  const { apiKey, apiSecret, userId } = request.credentials;
  const secret = request.signer === 'python' ? apiSecret : apiSecret.toLowerCase();
  const message =
    request.signer === 'csharp'
      ? `${nonce}${userId}${apiKey}`.toLowerCase()
      : request.signer === 'php'
        ? `${nonce}${userId}${apiKey.toLowerCase()}`
        : `${nonce}${userId}${apiKey}`;
  return createHmac('sha256', secret).update(message, 'ascii').digest('hex');
}

/**
 * The request with only its nonce and signature replaced (CoinCorner needs a new, larger nonce each time), or
 * also its placeholders filled in with `fillPlaceholders`.
 */
export function replayText(request: DocumentedRequest, nonce: string, fillPlaceholders = false): string {
  let text = documentedRequestText(request);
  const replace = (find: string, by: string) => {
    if (text.split(find).length !== 2) throw new Error(`${request.file}: "${find}" must occur exactly once`);
    text = text.replace(find, by);
  };
  const signature = signAsSample(request, nonce);
  replace(request.nonceText, request.nonceText.replace(/6|4|\{Nonce\}/, nonce));
  replace(request.signatureText, request.signatureText.replace(/sample string \d|\{Signature\}/, signature));
  if (fillPlaceholders)
    for (const [find, by] of Object.entries(request.placeholders ?? {})) replace(find, by);
  return text;
}

export function sampleNonce(unit: SampleNonce, count: number): string {
  const now = Date.now();
  const base = unit === 'seconds' ? Math.trunc(now / 1000) : unit === 'milliseconds' ? now : now * 1000;
  return String(base + count);
}
