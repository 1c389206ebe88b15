import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');

export interface SpawnedCli {
  process: ChildProcess;
  /** Everything written to stdout and stderr so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | NodeJS.Signals | null>;
  /** Resolves once the output matches, or rejects when the process ends or the time runs out first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  kill(signal: NodeJS.Signals): Promise<void>;
}

/**
 * The `refunds` CLI as a real child process, from source, as spawn-host.ts runs it: the environment,
 * the working directory and the exit code are the process's own, which no in-process call shows.
 */
export function spawnCli(
  args: readonly string[],
  options: { cwd: string; environment?: Record<string, string | undefined> },
): SpawnedCli {
  const environment: Record<string, string | undefined> = { ...process.env, ...options.environment };
  // The parent's own settings must not decide what the child does.
  for (const name of Object.keys(environment)) if (environment[name] === undefined) delete environment[name];
  const child = spawn(process.execPath, ['--conditions=@refunds/source', '--import', tsx, cli, ...args], {
    cwd: options.cwd,
    env: environment,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  let ended = false;
  void exited.then(() => (ended = true));

  return {
    process: child,
    output: () => output,
    exited,
    async waitForOutput(pattern, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const match = output.match(pattern);
        if (match) return match;
        if (ended) throw new Error(`the CLI exited before printing ${pattern}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`the CLI did not print ${pattern} in time:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    },
    async kill(signal) {
      if (!ended) {
        child.kill(signal);
        await exited;
      }
    },
  };
}
