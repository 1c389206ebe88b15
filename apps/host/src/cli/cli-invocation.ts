import { accessSync, constants, readFileSync, realpathSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, sep } from 'node:path';
import { shellQuote } from './shell-quote';

/** How to run this CLI again from a shell: the command and, when it only works there, the folder. */
export interface CliInvocation {
  /** e.g. `pnpm refunds`, `npx refunds`, `refunds`, or `node dist/cli.js`. */
  command: string;
  directory?: string;
}

export interface CliInvocationInput {
  environment: Readonly<Record<string, string | undefined>>;
  /** The CLI's file: `process.argv[1]`. */
  script: string;
  /** Node's own flags: `process.execArgv`. */
  execArgv: readonly string[];
  cwd: string;
}

/**
 * The way the person who started this process can run the CLI again, so that what sandbox mode prints works
 * as printed: `pnpm refunds` in the repository (through npx when that is how pnpm was run), `refunds` when
 * it is on the PATH, `npx refunds` where the package is installed, else node with the flags it was started
 * with. The PATH entries a package manager adds for the length of a script (its `node_modules/.bin` folders,
 * npx's cache) are not the person's shell's, so a command found only there does not count.
 */
export function cliInvocation(input: CliInvocationInput): CliInvocation {
  const { environment } = input;
  const script = realpath(input.script);
  const shellPath = (environment.PATH ?? '')
    .split(delimiter)
    .filter(
      (entry) =>
        entry && !entry.includes(`${sep}_npx${sep}`) && !entry.endsWith(join('node_modules', '.bin')),
    );

  const agent = /^pnpm\/(\d+)/.exec(environment.npm_config_user_agent ?? '');
  const manifestPath = environment.npm_package_json;
  if (agent && manifestPath && runsScript(manifestPath, script)) {
    const pnpm = findExecutable('pnpm', shellPath) ? 'pnpm' : `npx --yes pnpm@${agent[1]}`;
    return { command: `${pnpm} refunds`, directory: dirname(realpath(manifestPath)) };
  }
  const onPath = findExecutable('refunds', shellPath);
  if (onPath && realpath(onPath) === script) return { command: 'refunds' };
  const installed = script.lastIndexOf(`${sep}node_modules${sep}`);
  if (installed >= 0) return { command: 'npx refunds', directory: script.slice(0, installed) };
  const file = relative(input.cwd, script);
  const shown = file.startsWith('..') || isAbsolute(file) ? script : file;
  return { command: ['node', ...input.execArgv, shown].map(shellQuote).join(' '), directory: input.cwd };
}

/** Whether the manifest's `refunds` script runs this file (the repository's root package.json does). */
function runsScript(manifestPath: string, script: string): boolean {
  try {
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { scripts?: Record<string, unknown> };
    const command = manifest.scripts?.refunds;
    if (typeof command !== 'string') return false;
    const file = relative(dirname(realpath(manifestPath)), script)
      .split(sep)
      .join('/');
    return command.split(/\s+/).includes(file);
  } catch {
    return false;
  }
}

function findExecutable(name: string, path: readonly string[]): string | undefined {
  for (const entry of path) {
    const candidate = join(entry, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {}
  }
  return undefined;
}

function realpath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}
