export interface GatePaySignatureHeaders {
  timestamp: string | undefined;
  nonce: string | undefined;
  signature: string | undefined;
}

/** The three signature headers of a GatePay response or notification, whatever their letter case. */
export function readGatePaySignatureHeaders(
  headers: Headers | Record<string, string>,
): GatePaySignatureHeaders {
  return {
    timestamp: readHeader(headers, 'x-gatepay-timestamp'),
    nonce: readHeader(headers, 'x-gatepay-nonce'),
    signature: readHeader(headers, 'x-gatepay-signature'),
  };
}

function readHeader(headers: Headers | Record<string, string>, name: string): string | undefined {
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name && typeof value === 'string') return value;
  }
  return undefined;
}
