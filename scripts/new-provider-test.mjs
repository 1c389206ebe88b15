#!/usr/bin/env node
// Tests the scaffold: `new-provider examplepay` into a throwaway workspace beside this one (never into
// packages/), then the generated package must type-check, lint, pass its own tests under node and edge-runtime
// (the conformance suite included), build, pass publint, and fit its size budget.
// Usage: node scripts/new-provider-test.mjs [--keep]
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from './lib/list-workspace-packages.mjs';
import { parseArguments } from './lib/parse-arguments.mjs';
import { runCommand } from './lib/run-command.mjs';

const { switches } = parseArguments();
const name = 'examplepay';
const binary = (tool) => join(repositoryRoot, 'node_modules', '.bin', tool);

/**
 * A workspace that looks like this one from the generated package's point of view: the root configs, core
 * (linked, so its sources and build are the real ones) and the root node_modules (linked, no install needed).
 */
async function createWorkspace() {
  const workspace = mkdtempSync(join(tmpdir(), 'refunds-new-provider-'));
  for (const file of [
    'tsconfig.base.json',
    'vitest.shared.ts',
    'vitest.config.ts',
    'vitest.edge.ts',
    'biome.json',
    '.size-limit.json',
    '.gitignore',
    'LICENSE',
    // size-limit finds its plugins through the root manifest's devDependencies.
    'package.json',
  ]) {
    copyFileSync(join(repositoryRoot, file), join(workspace, file));
  }
  mkdirSync(join(workspace, 'scripts', 'vitest'), { recursive: true });
  copyFileSync(
    join(repositoryRoot, 'scripts', 'vitest', 'assert-edge-runtime.ts'),
    join(workspace, 'scripts', 'vitest', 'assert-edge-runtime.ts'),
  );
  mkdirSync(join(workspace, 'packages'));
  mkdirSync(join(workspace, '.changeset'));
  symlinkSync(join(repositoryRoot, 'node_modules'), join(workspace, 'node_modules'));
  symlinkSync(join(repositoryRoot, 'packages', 'core'), join(workspace, 'packages', 'core'));
  // Biome reads .gitignore only inside a git repository.
  await runCommand('git', ['init', '-q'], { cwd: workspace });
  return workspace;
}

/** What `pnpm install` would link for the new package: core from the workspace, valibot from the store. */
function linkDependencies(directory) {
  mkdirSync(join(directory, 'node_modules', '@refunds'), { recursive: true });
  symlinkSync('../../../core', join(directory, 'node_modules', '@refunds', 'core'));
  const valibot = realpathSync(join(repositoryRoot, 'packages', 'core', 'node_modules', 'valibot'));
  symlinkSync(valibot, join(directory, 'node_modules', 'valibot'));
}

const workspace = await createWorkspace();
const step = async (title, command, args, cwd) => {
  console.log(`--- ${title}`);
  const { stdout } = await runCommand(command, args, { cwd });
  const tail = stdout.trim().split('\n').slice(-6).join('\n');
  if (tail) console.log(tail);
};
try {
  await step(
    'scaffold',
    process.execPath,
    [join(import.meta.dirname, 'new-provider.mjs'), name, `--root=${workspace}`, '--display-name=ExamplePay'],
    workspace,
  );
  const generated = join(workspace, 'packages', name);
  // The scaffold added a budget beside the others; only the new one can be measured in this workspace.
  const budgets = JSON.parse(readFileSync(join(workspace, '.size-limit.json'), 'utf8'));
  const budget = budgets.filter((entry) => entry.path.startsWith(`packages/${name}/`));
  if (budget.length !== 1) throw new Error(`the scaffold added ${budget.length} size budgets, expected 1`);
  writeFileSync(join(workspace, '.size-limit.json'), JSON.stringify(budget));
  linkDependencies(generated);
  await step('biome', binary('biome'), ['check', generated], workspace);
  await step('typecheck', binary('tsc'), ['--noEmit', '-p', generated], generated);
  await step(
    'tests, node and edge-runtime',
    binary('vitest'),
    ['run', '--project', name, '--project', `${name} (edge-runtime)`],
    workspace,
  );
  await step('build', binary('tsup'), [], generated);
  await step('publint', binary('publint'), ['run', '--strict', '--pack', 'false', generated], workspace);
  await step('size budget', binary('size-limit'), [], workspace);
  console.log(`The scaffolded @refunds/${name} passes.`);
} finally {
  if (switches.has('keep')) console.log(`The workspace is kept at ${workspace}`);
  else rmSync(workspace, { recursive: true, force: true });
}
