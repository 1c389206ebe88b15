import type { RunningSandbox } from '@refunds/core';

/**
 * Whether a sandbox signs its responses, asked of the sandbox itself: one that does not cannot strip or tamper
 * a signature, and says so when the fault is injected (CoinCorner's API signs nothing).
 */
export async function signsResponses(sandbox: RunningSandbox): Promise<boolean> {
  sandbox.injectFault({ fault: { kind: 'unsigned-body' }, path: '/reliability-probe' });
  try {
    const response = await fetch(`${sandbox.url}/reliability-probe`, { method: 'POST', body: '{}' });
    return !(response.status === 500 && (await response.text()).includes('does not sign responses'));
  } finally {
    sandbox.clearFaults();
  }
}
