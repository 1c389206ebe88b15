#!/usr/bin/env node
// The README's first command, timed as a newcomer meets it: from a fresh clone, after the dependency install,
// how long `pnpm start` takes until the sandbox host answers /healthz. Fails above two minutes.
//
// CI runs this after `pnpm build`, so the checkout already holds every dist folder; timing `pnpm start` there
// would hide a start that needs a build. The measurement therefore runs in a copy of the checkout's own files
// (what `git ls-files` lists: no node_modules, no dist, no data), installed from the pnpm store the CI install
// filled, with a fresh temporary folder so that no compile cache (tsx's) survives from earlier runs. The install
// is timed and printed but not counted: the README's two minutes start after it.
// Usage: node scripts/measure-first-start.mjs [--limit-seconds 120]
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { repositoryRoot } from './lib/list-workspace-packages.mjs';
import { pnpmCommand } from './lib/pnpm-command.mjs';
import { runCommand } from './lib/run-command.mjs';

const limitIndex = process.argv.indexOf('--limit-seconds');
const limitSeconds = limitIndex === -1 ? 120 : Number(process.argv[limitIndex + 1]);

const scratch = mkdtempSync(join(tmpdir(), 'refunds-first-start-'));
const clone = join(scratch, 'clone');
const dataDirectory = join(scratch, 'data');
// tsx keeps compiled files under the temporary folder: an empty one means nothing compiled earlier is reused.
const coldTemporary = join(scratch, 'tmp');
mkdirSync(coldTemporary);

try {
  console.log(`Copying the checkout's files (git ls-files: no node_modules, no dist) to ${clone}`);
  const files = await trackedFiles();
  for (const file of files) {
    const source = join(repositoryRoot, file);
    if (!existsSync(source)) continue; // deleted in the working tree
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    copyFileSync(source, join(clone, file));
  }
  const built = builtFolders(clone);
  if (built.length > 0)
    throw new Error(`The copy holds build output (${built.join(', ')}): not a fresh clone`);
  console.log(`  ${files.length} files; no dist folder anywhere: nothing is built.`);

  console.log('Installing in the copy (pnpm install --frozen-lockfile, from the store; not counted)...');
  const installStarted = performance.now();
  const [command, args] = pnpmCommand(['install', '--frozen-lockfile', '--prefer-offline']);
  await runCommand(command, args, { cwd: clone });
  console.log(`  installed in ${seconds(installStarted)} s`);

  const port = await freePort();
  console.log(
    `Timing \`pnpm start\` (the README's first command) until http://127.0.0.1:${port}/healthz answers...`,
  );
  const result = await timeStart(port);
  if (result.seconds === undefined) {
    console.error(result.output.slice(-4000));
    throw new Error(`pnpm start ${result.reason}`);
  }
  console.log(
    `First start: the sandbox host answered /healthz ${result.seconds.toFixed(1)} s after \`pnpm start\``,
  );
  console.log(
    `  (fresh copy, dependencies installed, no dist folders, cold compile cache; limit ${limitSeconds} s)`,
  );
  if (result.seconds > limitSeconds) {
    throw new Error(
      `The first start took ${result.seconds.toFixed(1)} s, more than the ${limitSeconds} s promised`,
    );
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/** Tracked files and untracked ones that are not ignored: what a commit of this working tree would hold. */
async function trackedFiles() {
  const { stdout } = await runCommand(
    'git',
    ['ls-files', '-z', '--cached', '--others', '--exclude-standard'],
    {
      cwd: repositoryRoot,
    },
  );
  return [...new Set(stdout.split('\0').filter(Boolean))];
}

function builtFolders(root) {
  const folders = [];
  for (const group of ['packages', 'apps']) {
    if (!existsSync(join(root, group))) continue;
    for (const name of readdirSync(join(root, group))) {
      if (existsSync(join(root, group, name, 'dist'))) folders.push(`${group}/${name}/dist`);
    }
  }
  return folders;
}

/** Starts `pnpm start` in the copy and resolves once /healthz answers 200, the process ends, or the limit passes. */
function timeStart(port) {
  const started = performance.now();
  const [command, args] = pnpmCommand(['start', '--port', String(port), '--data', dataDirectory]);
  // Its own process group, so that pnpm, node and anything they started are stopped together.
  const child = spawn(command, args, {
    cwd: clone,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TMPDIR: coldTemporary, TEMP: coldTemporary, TMP: coldTemporary },
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr.on('data', (chunk) => {
    output += chunk;
  });
  // A newcomer sees progress; so does the CI log.
  const progress = setInterval(() => console.log(`  ... ${seconds(started)} s`), 10_000);
  const stop = () => {
    clearInterval(progress);
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // Already gone.
    }
  };
  return new Promise((resolve) => {
    let done = false;
    const finish = (result) => {
      if (done) return;
      done = true;
      stop();
      resolve({ ...result, output });
    };
    child.on('exit', (code, signal) => finish({ reason: `exited (${signal ?? code}) before answering` }));
    const poll = async () => {
      if (done) return;
      const elapsed = (performance.now() - started) / 1000;
      if (elapsed > limitSeconds + 30) {
        finish({ reason: `did not answer /healthz within ${limitSeconds + 30} s` });
        return;
      }
      try {
        const response = await fetch(`http://127.0.0.1:${port}/healthz`, {
          signal: AbortSignal.timeout(2_000),
        });
        if (response.ok) {
          finish({ seconds: (performance.now() - started) / 1000 });
          return;
        }
      } catch {
        // Not listening yet.
      }
      setTimeout(poll, 250);
    };
    poll();
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function seconds(since) {
  return ((performance.now() - since) / 1000).toFixed(1);
}
