import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command.mjs';

/** An empty ESM project outside the workspace, as a user starts one. */
export function createEmptyProject(directory, name) {
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    join(directory, 'package.json'),
    `${JSON.stringify({ name, private: true, type: 'module' }, null, 2)}\n`,
  );
  return directory;
}

/** `npm install`, quietly: npm is what most users have, and it does not know about our workspace. */
export function npmInstall(directory, specifiers, extraArguments = []) {
  return runCommand(
    'npm',
    ['install', ...extraArguments, ...specifiers, '--no-audit', '--no-fund', '--loglevel=error'],
    { cwd: directory },
  );
}
