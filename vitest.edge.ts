import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin, TestProjectInlineConfiguration } from 'vitest/config';

// Edge runtimes (Vercel Edge, Cloudflare Workers) resolve exports without `node`, so core's `#crypto` loads the
// WebCrypto implementation there. The sources stay first so that no build is needed, as in the node projects.
export const edgeConditions = ['@refunds/source', 'edge-light', 'worker', 'import', 'module', 'default'];

// Test files that cannot run under the edge-runtime globals, per package directory, each with the reason.
// Empty on purpose: vitest's edge-runtime environment swaps the globals (fetch, crypto, Request, TextEncoder ...)
// but still loads modules through Node, so the sandboxes' node:http servers and the tests that read fixtures or
// source files run here too. Add a file only with the reason it cannot, never to silence a portability bug.
const nodeOnlyTests: Record<string, string[]> = {};

const packagesDirectory = join(import.meta.dirname, 'packages');

/**
 * Vitest appends its default server conditions (`node`, `development`) to whatever a config sets, and `node`
 * would pick node:crypto again; setting the list per environment after every other plugin removes them.
 */
function edgeResolveConditions(): Plugin {
  return {
    name: 'refunds:edge-resolve-conditions',
    enforce: 'post',
    configEnvironment(_name, config) {
      config.resolve ??= {};
      config.resolve.conditions = edgeConditions;
    },
  };
}

/** Core and every provider run their tests a second time in the edge-runtime environment. */
export const edgeRuntimeProjects: TestProjectInlineConfiguration[] = readdirSync(packagesDirectory, {
  withFileTypes: true,
})
  .filter(
    (entry) => entry.isDirectory() && existsSync(join(packagesDirectory, entry.name, 'vitest.config.ts')),
  )
  .map((entry) => ({
    // The package's own project config (timeouts, setup files) applies here too; only the conditions differ.
    extends: join(packagesDirectory, entry.name, 'vitest.config.ts'),
    root: join(packagesDirectory, entry.name),
    plugins: [edgeResolveConditions()],
    test: {
      name: `${entry.name} (edge-runtime)`,
      environment: 'edge-runtime',
      exclude: ['**/node_modules/**', '**/dist/**', ...(nodeOnlyTests[entry.name] ?? [])],
      setupFiles: [join(import.meta.dirname, 'scripts/vitest/assert-edge-runtime.ts')],
    },
  }));
