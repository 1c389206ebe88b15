import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'sandbox/index': 'src/sandbox/index.ts',
    // Both crypto implementations ship; the package.json `imports` conditions pick one at load time.
    'crypto/node-crypto': 'src/crypto/node-crypto.ts',
    'crypto/web-crypto': 'src/crypto/web-crypto.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  // Keep `node:` specifiers: Deno and edge bundlers need the prefix to recognise built-ins.
  removeNodeProtocol: false,
  // The testing kit runs inside the user's own vitest.
  external: ['#crypto', 'vitest'],
});
