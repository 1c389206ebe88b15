import type { LoopbackRequest } from '@refunds/core/sandbox';
import { sandboxSignatureMatches, signSandboxPayload } from './sign-sandbox-payload';

export type SandboxRejection = { code: string; label: string };

export interface SandboxAuthenticator {
  /** The checks GatePay runs before reading a body, in the reference's order; undefined when all pass. */
  authenticate(request: LoopbackRequest): SandboxRejection | undefined;
}

/** Headers, timestamp window, signature over the raw bytes, nonce replay, then Content-Type. */
export function createSandboxAuthenticator(options: {
  clientId: string;
  secretKey: string;
  timestampToleranceMs: number;
  rejectReusedNonces: boolean;
}): SandboxAuthenticator {
  const seenNonces = new Map<string, number>();
  return {
    authenticate(request) {
      const header = (name: string) => request.headers.get(name) ?? '';
      const clientId = header('x-gatepay-certificate-clientid');
      const timestamp = header('x-gatepay-timestamp');
      const nonce = header('x-gatepay-nonce');
      const signature = header('x-gatepay-signature');
      if (clientId !== options.clientId) return { code: '400004', label: 'API identity key not found' };
      if (nonce === '') return { code: '400020', label: 'Signature random number error' };
      const now = Date.now();
      if (!/^\d{1,16}$/.test(timestamp) || Math.abs(now - Number(timestamp)) > options.timestampToleranceMs) {
        return { code: '400003', label: 'Request timestamp timed out' };
      }
      const expected = signSandboxPayload(options.secretKey, timestamp, nonce, request.body);
      if (!sandboxSignatureMatches(expected, signature))
        return { code: '400002', label: 'Signature verification failed' };
      if (options.rejectReusedNonces) {
        for (const [seen, expiresAt] of seenNonces) if (expiresAt < now) seenNonces.delete(seen);
        if (seenNonces.has(nonce)) return { code: '400020', label: 'Signature random number error' };
        seenNonces.set(nonce, now + options.timestampToleranceMs);
      }
      const contentType = header('content-type');
      const jsonType = /^application\/json\s*(;|$)/i.test(contentType);
      if (request.method === 'POST' ? !jsonType : contentType !== '' && !jsonType) {
        return { code: '400007', label: 'Unsupported media type' };
      }
      return undefined;
    },
  };
}
