import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', cli: 'src/cli.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  splitting: true,
  target: 'node20',
  // Keep `node:` specifiers: Deno and edge bundlers need the prefix to recognise built-ins.
  removeNodeProtocol: false,
  banner: { js: '' },
});
