import { defineConfig } from 'tsup';
import { sharedTsupOptions } from '../core/shared-tsup-options.ts';

export default defineConfig({
  ...sharedTsupOptions,
  entry: {
    index: 'src/index.ts',
    'bitcoin-address/index': 'src/bitcoin-address/index.ts',
    'sandbox/index': 'src/sandbox/index.ts',
  },
});
