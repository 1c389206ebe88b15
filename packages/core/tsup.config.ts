import { defineConfig } from 'tsup';
import { sharedTsupOptions } from './shared-tsup-options.ts';

export default defineConfig({
  ...sharedTsupOptions,
  entry: {
    index: 'src/index.ts',
    'testing/index': 'src/testing/index.ts',
    'sandbox/index': 'src/sandbox/index.ts',
    'kit/index': 'src/kit/index.ts',
    // Both crypto implementations ship; the package.json `imports` conditions pick one at load time.
    'crypto/node-crypto': 'src/crypto/node-crypto.ts',
    'crypto/web-crypto': 'src/crypto/web-crypto.ts',
  },
  // The testing kit runs inside the user's own vitest.
  external: ['#crypto', 'vitest'],
});
