import { beforeAll, expect, vi } from 'vitest';
import { hmacSha256Hex } from '../../packages/core/src/crypto/crypto.ts';

// Guards the edge projects themselves: were the environment or the resolve conditions ever lost, every test
// would still pass while silently running on Node's globals and node:crypto.
beforeAll(async () => {
  expect(typeof (globalThis as { EdgeRuntime?: unknown }).EdgeRuntime, 'edge-runtime globals').toBe('string');
  const importKey = vi.spyOn(globalThis.crypto.subtle, 'importKey');
  try {
    await hmacSha256Hex('key', 'message');
    expect(importKey, "core's #crypto resolved to the WebCrypto implementation").toHaveBeenCalled();
  } finally {
    importKey.mockRestore();
  }
});
