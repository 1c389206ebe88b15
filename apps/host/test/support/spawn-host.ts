import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface SpawnedHost {
  url: string;
  process: ChildProcess;
  /** Everything the host wrote, for assertions and for failures that need explaining. */
  output(): string;
  kill(signal: NodeJS.Signals): Promise<void>;
}

const cli = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const tsx = import.meta.resolve('tsx');

/**
 * A real host process running the CLI from source, as an operator would run the built one: it can be
 * killed with SIGKILL at any moment, which no in-process test can do.
 */
export async function spawnHost(options: {
  port: number;
  configPath: string;
  environment: Record<string, string | undefined>;
  /** The host keeps its SQLite ledger in ./data of this directory. */
  cwd: string;
}): Promise<SpawnedHost> {
  const child = spawn(
    process.execPath,
    [
      '--conditions=@refunds/source',
      '--import',
      tsx,
      cli,
      'serve',
      '--config',
      options.configPath,
      '--port',
      String(options.port),
    ],
    { cwd: options.cwd, env: { ...process.env, ...options.environment }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`host exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) break;
    } catch {}
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`host did not start within 30 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    process: child,
    output: () => output,
    kill: (signal) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill(signal);
      }),
  };
}
