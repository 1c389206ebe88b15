import { join } from 'node:path';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// The test selection for `pnpm mutation` (stryker.config.mjs): only the node projects that hold tests of the
// money paths, and in them only the fast tests beside those files. The end-to-end, reliability and PostgreSQL
// suites exercise the same code over real processes and take minutes per run; Stryker would run them once for
// every mutant they cover, so they stay in `pnpm test` and out of here. The edge-runtime projects repeat the
// providers' tests under other globals and add no mutant kills.

const root = import.meta.dirname;

function project(directory: string, include: string[]): TestProjectInlineConfiguration {
  return {
    // The package's own project config (name, resolve conditions) applies; only the selection differs.
    extends: join(root, directory, 'vitest.config.ts'),
    root: join(root, directory),
    // Instrumented code with per-test coverage runs slower, and the machine is shared.
    test: { include, testTimeout: 30_000, hookTimeout: 60_000 },
  };
}

export default defineConfig({
  test: {
    projects: [
      project('apps/host', [
        'src/refunds/**/*.test.ts',
        'src/ledger/transition-refund*.test.ts',
        'src/ledger/claim-due*.test.ts',
        'src/ledger/create-ledger.sqlite.test.ts',
      ]),
      project('packages/core', [
        'src/errors/refusal-outcome*.test.ts',
        'src/kit/refund-error-from-table*.test.ts',
        'src/kit/check-refund-echo*.test.ts',
      ]),
      project('packages/gatepay', ['src/gatepay-error-table*.test.ts', 'src/gatepay-failure-error*.test.ts']),
      project('packages/iotpay', ['src/iotpay-error*.test.ts', 'src/resolve-refused-refund.test.ts']),
      project('packages/bonuspay', ['src/bonuspay-error-table*.test.ts', 'src/to-bonuspay-error*.test.ts']),
      project('packages/coincorner', [
        'src/coincorner-error*.test.ts',
        'src/coincorner-response-error*.test.ts',
      ]),
    ],
  },
});
