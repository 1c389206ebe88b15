import { spawnSync } from 'node:child_process';
import { median } from './percentile';
import { benchDirectory } from './workspace-paths';

const runs = 16;
/** The same `import()` of a module that is empty, so both processes start the ESM loader the same way. */
const emptyImport = "await import('data:text/javascript,');";

export interface ImportCost {
  /** Median wall time of `node` importing nothing (the bare start the budget is a share of), ms. */
  bare: number;
  /** Median wall time of `node` importing the module, ms. */
  withImport: number;
  /** Median of the differences of adjacent runs, ms. */
  cost: number;
  /** `cost` against `bare`: the budget is at most 0.5. */
  share: number;
}

function timeProcess(code: string): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd: benchDirectory,
    stdio: 'ignore',
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`node -e "${code}" failed with ${result.status}`);
  return elapsed;
}

/**
 * What importing `specifier` adds to a process start: a process that imports it against one that imports an empty
 * module, same flags, resolved from the bench package, alternated (ABBA) so load drifts weigh on both.
 */
export function measureImportCost(specifier: string): ImportCost {
  const code = `await import('${specifier}');`;
  timeProcess(code);
  timeProcess(emptyImport);
  const withImport: number[] = [];
  const bare: number[] = [];
  const differences: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const importFirst = run % 2 === 0;
    const first = timeProcess(importFirst ? code : emptyImport);
    const second = timeProcess(importFirst ? emptyImport : code);
    const [imported, empty] = importFirst ? [first, second] : [second, first];
    withImport.push(imported);
    bare.push(empty);
    differences.push(imported - empty);
  }
  const cost = median(differences);
  return { bare: median(bare), withImport: median(withImport), cost, share: cost / median(bare) };
}

export const importRuns = runs;
