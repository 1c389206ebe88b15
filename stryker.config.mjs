// @ts-check
// Mutation testing of the money paths (issue 13, point 14): `pnpm mutation`. Not part of `pnpm test` or CI: a
// full run takes tens of minutes on two cores. The summary of the last run is in docs/mutation.md.
// One file only: `pnpm mutation --mutate apps/host/src/refunds/outcome-patch.ts`.

import { fileURLToPath } from 'node:url';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  // Under pnpm, Stryker cannot find its runner beside itself: name it by its resolved path.
  plugins: [fileURLToPath(import.meta.resolve('@stryker-mutator/vitest-runner'))],
  vitest: { configFile: 'vitest.mutation.ts' },
  mutate: [
    // The refund service, the reconciler, outcome and notification application.
    'apps/host/src/refunds/refund-service.ts',
    'apps/host/src/refunds/hash-refund-request.ts',
    'apps/host/src/refunds/reconcile-refund.ts',
    'apps/host/src/refunds/outcome-patch.ts',
    'apps/host/src/refunds/apply-notification.ts',
    'apps/host/src/refunds/sync-refund.ts',
    'apps/host/src/refunds/reconciliation-timing.ts',
    // The ledger's state transitions and claims.
    'apps/host/src/ledger/transition-refund.ts',
    'apps/host/src/ledger/claim-due.ts',
    'apps/host/src/ledger/claim-refund.ts',
    // Each provider's error mapping, and the error tables it reads; core's kit applies every table and echo check.
    'packages/core/src/errors/refusal-outcome.ts',
    'packages/core/src/kit/refund-error-from-table.ts',
    'packages/core/src/kit/check-refund-echo.ts',
    'packages/gatepay/src/gatepay-failure-error.ts',
    'packages/gatepay/src/gatepay-error-table.ts',
    'packages/iotpay/src/iotpay-error.ts',
    'packages/bonuspay/src/to-bonuspay-error.ts',
    'packages/coincorner/src/coincorner-error.ts',
    'packages/coincorner/src/coincorner-response-error.ts',
    'packages/coincorner/src/coincorner-error-table.ts',
  ],
  coverageAnalysis: 'perTest',
  // `pnpm mutation --incremental` reuses the previous run's results for mutants whose code and tests did not
  // change. Off by default: the vitest runner reports no test locations, so Stryker cannot see a change inside an
  // existing test and would keep a mutant "survived" that the changed test now kills.
  incrementalFile: process.env.MUTATION_INCREMENTAL ?? 'reports/stryker-incremental.json',
  // The machine has two cores, shared.
  concurrency: 2,
  // A mutant in a module-level constant (an error table) is hit while the module loads, before any test runs:
  // with ignoreStatic it would be skipped; the tables are money paths, so they are run against every test.
  ignoreStatic: false,
  // Tests against an in-memory ledger: generous, the machine is shared and its load varies.
  timeoutMS: 20_000,
  timeoutFactor: 2,
  // The runs' own copies and reports; neither belongs in git.
  tempDirName: process.env.MUTATION_TEMP ?? '.stryker-tmp',
  // A second run's sandbox (MUTATION_TEMP) is not copied into this one.
  ignorePatterns: ['/.stryker-tmp*'],
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress', 'json'],
  // MUTATION_REPORT names another file, for a partial run beside a full one.
  jsonReporter: { fileName: process.env.MUTATION_REPORT ?? 'reports/mutation/mutation.json' },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 95, low: 90, break: null },
};
