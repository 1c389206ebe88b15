#!/usr/bin/env node
// The install test: what a user of one provider gets from npm. For each provider, core and that provider are
// packed as they would be published, installed with npm into an empty project outside the workspace, and a
// refund is made against the provider's sandbox from plain JavaScript, then from type-checked TypeScript. Then
// the host is packed and installed the same way, and `npx refunds --help` must print the CLI's usage.
// Usage: node scripts/install-test.mjs [provider ... | host] [--skip-unbuilt]
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmptyProject, npmInstall } from './lib/install-tarballs.mjs';
import {
  listWorkspacePackages,
  missingBuildOutputs,
  repositoryRoot,
} from './lib/list-workspace-packages.mjs';
import { packPackage } from './lib/pack-package.mjs';
import { parseArguments, selectPackages } from './lib/parse-arguments.mjs';
import { printTable } from './lib/print-table.mjs';
import { runCommand } from './lib/run-command.mjs';

// The TypeScript a user would have: the workspace's own version, and tsx to run it.
const rootManifest = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8'));
const typescriptRange = rootManifest.devDependencies.typescript;
const tsxRange = rootManifest.devDependencies.tsx;

const templates = join(import.meta.dirname, 'templates', 'install-test');

/** The refund program, in JavaScript or TypeScript, aimed at one provider package. */
function refundProgram(file, packageName) {
  return readFileSync(join(templates, file), 'utf8').replaceAll('__PROVIDER_PACKAGE__', packageName);
}

// Strict settings a careful user would have, without skipLibCheck so that our declarations are checked too, and
// without @types/node: a user who does not run the sandbox on Node must not need them.
const tsconfig = (moduleResolution) => ({
  compilerOptions: {
    target: 'ES2022',
    module: moduleResolution === 'node16' ? 'Node16' : 'ESNext',
    moduleResolution: moduleResolution === 'node16' ? 'Node16' : 'Bundler',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  files: ['refund.ts'],
});

async function testProvider(provider, coreTarball, workDirectory) {
  const project = createEmptyProject(
    join(workDirectory, `project-${provider.folder}`),
    `try-${provider.folder}`,
  );
  const tarball = (await packPackage(provider, workDirectory)).tarball;
  // Only the two tarballs: everything else they need must come from their own dependencies.
  await npmInstall(project, [coreTarball, tarball]);
  const installed = readdirSync(join(project, 'node_modules', '@refunds')).sort();
  const expected = ['core', provider.folder].sort();
  if (JSON.stringify(installed) !== JSON.stringify(expected)) {
    throw new Error(`node_modules/@refunds holds ${installed.join(', ')}, expected ${expected.join(', ')}`);
  }

  writeFileSync(join(project, 'refund.mjs'), refundProgram('refund.mjs', provider.name));
  const javascript = await runCommand(process.execPath, ['refund.mjs'], { cwd: project });

  await npmInstall(project, [`typescript@${typescriptRange}`, `tsx@${tsxRange}`], ['--save-dev']);
  writeFileSync(join(project, 'refund.ts'), refundProgram('refund.ts', provider.name));
  for (const moduleResolution of ['node16', 'bundler']) {
    const file = `tsconfig.${moduleResolution}.json`;
    writeFileSync(join(project, file), `${JSON.stringify(tsconfig(moduleResolution), null, 2)}\n`);
    await runCommand(join(project, 'node_modules', '.bin', 'tsc'), ['-p', file], { cwd: project });
  }
  const typescript = await runCommand(join(project, 'node_modules', '.bin', 'tsx'), ['refund.ts'], {
    cwd: project,
  });
  return { installed, output: `${javascript.stdout.trim()}\n${typescript.stdout.trim()}` };
}

/**
 * `npx refunds` where a user installed @refunds/host: the bin is there, starts with a shebang, runs, and its
 * help shows the commands, and a command's help its options and an example.
 */
async function testHost(host, coreTarball, workDirectory) {
  const project = createEmptyProject(join(workDirectory, 'project-host'), 'try-host');
  const tarball = (await packPackage(host, workDirectory)).tarball;
  await npmInstall(project, [coreTarball, tarball]);
  const bin = readFileSync(join(project, 'node_modules', '@refunds', 'host', 'dist', 'cli.js'), 'utf8');
  if (!bin.startsWith('#!/usr/bin/env node\n')) {
    throw new Error(`dist/cli.js does not start with #!/usr/bin/env node:\n${bin.slice(0, 80)}`);
  }
  const usage = await runCommand('npx', ['--no-install', 'refunds', '--help'], { cwd: project });
  if (!usage.stdout.startsWith('Usage: refunds <command> [options]')) {
    throw new Error(`npx refunds --help printed:\n${usage.stdout}${usage.stderr}`);
  }
  const refund = await runCommand('npx', ['--no-install', 'refunds', 'refund', '--help'], { cwd: project });
  if (
    !/^Usage: refunds refund [\s\S]*\n {2}--refund-id [\s\S]*\nExamples?:\n {2}refunds refund /.test(
      refund.stdout,
    )
  ) {
    throw new Error(`npx refunds refund --help printed:\n${refund.stdout}${refund.stderr}`);
  }
  return `npx refunds --help: ${usage.stdout.split('\n')[0]}`;
}

const { names: requested, switches } = parseArguments();
const workspacePackages = listWorkspacePackages();
const core = workspacePackages.find((candidate) => candidate.kind === 'core');
const host = workspacePackages.find((candidate) => candidate.name === '@refunds/host');
// `host` names the host's check; with no names at all, every provider and the host are tested.
const testsHost = requested.length === 0 || requested.includes('host');
const names = requested.filter((name) => name !== 'host');
const providers =
  requested.length > 0 && names.length === 0
    ? []
    : selectPackages(
        workspacePackages.filter((candidate) => candidate.kind === 'provider'),
        names,
      );
const workDirectory = mkdtempSync(join(tmpdir(), 'refunds-install-test-'));
const rows = [];
let failed = false;

try {
  for (const candidate of [core, ...providers]) {
    const missing = missingBuildOutputs(candidate);
    if (missing.length > 0 && !(switches.has('skip-unbuilt') && candidate !== core)) {
      throw new Error(`${candidate.name} is not built (missing ${missing.join(', ')}): run pnpm build`);
    }
  }
  const coreTarball = (await packPackage(core, workDirectory)).tarball;
  for (const provider of providers) {
    if (missingBuildOutputs(provider).length > 0) {
      console.log(`--- skip ${provider.name}: not built`);
      rows.push([provider.name, 'skipped: not built', '']);
      continue;
    }
    console.log(`--- ${provider.name}`);
    try {
      const { installed, output } = await testProvider(provider, coreTarball, workDirectory);
      console.log(output);
      rows.push([provider.name, 'passed', installed.map((name) => `@refunds/${name}`).join(' + ')]);
    } catch (error) {
      failed = true;
      console.error(error instanceof Error ? error.message : error);
      rows.push([provider.name, 'FAILED', '']);
    }
  }
  if (testsHost && missingBuildOutputs(host).length > 0 && switches.has('skip-unbuilt')) {
    console.log(`--- skip ${host.name}: not built`);
    rows.push([host.name, 'skipped: not built', '']);
  } else if (testsHost) {
    console.log(`--- ${host.name}`);
    try {
      if (missingBuildOutputs(host).length > 0) throw new Error(`${host.name} is not built: run pnpm build`);
      console.log(await testHost(host, coreTarball, workDirectory));
      rows.push([host.name, 'passed (npx refunds --help)', '@refunds/core + @refunds/host']);
    } catch (error) {
      failed = true;
      console.error(error instanceof Error ? error.message : error);
      rows.push([host.name, 'FAILED', '']);
    }
  }
} finally {
  rmSync(workDirectory, { recursive: true, force: true });
}

console.log('');
printTable(['provider', 'install test (npm, node .mjs, tsc node16 + bundler, tsx)', 'installed'], rows);
if (failed) process.exit(1);
