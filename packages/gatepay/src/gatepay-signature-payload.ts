const encoder = new TextEncoder();
const lineFeed = 0x0a;

/**
 * `timestamp \n nonce \n body \n`: each of the three fields ends with a line feed, the body included. The body
 * is the exact bytes sent or received (empty for a GET), never re-serialized JSON: GatePay's Go SDK, for one,
 * sends a trailing newline after the JSON, and that newline is signed too.
 */
export function gatePaySignaturePayload(
  timestamp: string,
  nonce: string,
  body: string | Uint8Array,
): Uint8Array {
  const head = encoder.encode(`${timestamp}\n${nonce}\n`);
  const bodyBytes = typeof body === 'string' ? encoder.encode(body) : body;
  const payload = new Uint8Array(head.byteLength + bodyBytes.byteLength + 1);
  payload.set(head, 0);
  payload.set(bodyBytes, head.byteLength);
  payload[payload.byteLength - 1] = lineFeed;
  return payload;
}
