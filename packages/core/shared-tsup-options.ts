import type { Options } from 'tsup';

/**
 * The build every package of the workspace shares (core and each provider): ESM with declarations, split and
 * tree-shaken so each subpath export loads only what it uses. A package adds its own `entry`.
 */
export const sharedTsupOptions = {
  format: ['esm'],
  dts: true,
  clean: true,
  splitting: true,
  treeshake: true,
  target: 'es2022',
  // Keep `node:` specifiers: Deno and edge bundlers need the prefix to recognise built-ins.
  removeNodeProtocol: false,
} satisfies Options;
