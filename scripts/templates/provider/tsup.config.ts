import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', 'sandbox/index': 'src/sandbox/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  // Keep `node:` specifiers: Deno and edge bundlers need the prefix to recognise built-ins.
  removeNodeProtocol: false,
});
