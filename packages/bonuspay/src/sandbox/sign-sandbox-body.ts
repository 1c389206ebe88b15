import { sign } from 'node:crypto';

/** The platform's signature over the exact bytes the sandbox sends, as BonusPay signs answers and callbacks. */
export function signSandboxBody(body: string, platformPrivateKey: string): string {
  return sign('sha256', Buffer.from(body, 'utf8'), platformPrivateKey).toString('base64');
}
