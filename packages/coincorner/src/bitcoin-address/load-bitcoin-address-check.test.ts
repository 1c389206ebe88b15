import type { RefundRequest } from '@refunds/core';
import { describe, expect, it, vi } from 'vitest';

// Which of the address check's libraries have been loaded: each mock records its first evaluation.
const loaded = vi.hoisted(() => new Set<string>());
vi.mock('@scure/base', async (importOriginal) => {
  loaded.add('@scure/base');
  return importOriginal();
});
vi.mock('@noble/hashes/sha2', async (importOriginal) => {
  loaded.add('@noble/hashes/sha2');
  return importOriginal();
});

describe('the Bitcoin address check', () => {
  it('is loaded by the first refund, not by importing the package', async () => {
    const { createCoinCorner } = await import('../index');
    const { scriptedFetch } = await import('../__fixtures__/scripted-fetch');
    const { testCredentials } = await import('../__fixtures__/test-credentials');
    // Its two libraries are a fifth of the package's import time, which every process that imports the
    // package pays at start, refunding or not (issue 19).
    expect([...loaded]).toEqual([]);

    const { fetch, sent } = scriptedFetch();
    const provider = createCoinCorner({ ...testCredentials(), fetch });
    const request: RefundRequest = {
      refundId: 'refund-1',
      orderId: '55',
      amount: { amount: '10.00', currency: 'GBP' },
      // A valid testnet address with its last character changed: only the checksum can tell.
      destination: { address: 'tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsy' },
    };
    await expect(provider.refund(request)).rejects.toMatchObject({
      code: 'invalid_request',
      field: 'destination.address',
      outcome: 'not_sent',
    });
    expect([...loaded].sort()).toEqual(['@noble/hashes/sha2', '@scure/base']);
    expect(sent).toHaveLength(0);
  });
});
