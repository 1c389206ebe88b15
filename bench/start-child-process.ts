import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface StartedChild<Ready> {
  child: ChildProcess;
  /** The first JSON line the child printed: how it says it is ready (its URL, say). */
  ready: Ready;
  output(): string;
  stop(): Promise<void>;
}

const tsx = import.meta.resolve('tsx');

/**
 * Runs `script` (a TypeScript file beside this one, or any JavaScript file) in a process of its own and waits
 * for its first JSON line. An IPC channel is always open so that a child also ends when the bench dies.
 */
export async function startChildProcess<Ready>(
  script: string,
  options: {
    args?: readonly string[];
    env?: Record<string, string | undefined>;
    cwd?: string;
    timeoutMs?: number;
  } = {},
): Promise<StartedChild<Ready>> {
  const path = script.startsWith('/') ? script : fileURLToPath(new URL(script, import.meta.url));
  const loader = path.endsWith('.ts') ? ['--import', tsx] : [];
  const child = spawn(process.execPath, [...loader, path, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const ready = await new Promise<Ready>((resolve, reject) => {
    let buffered = '';
    let waiting = true;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within ${options.timeoutMs ?? 30_000} ms:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (!waiting) return;
      buffered += chunk.toString();
      const newline = buffered.indexOf('\n');
      if (newline === -1) return;
      const line = buffered.slice(0, newline);
      waiting = false;
      clearTimeout(timer);
      try {
        resolve(JSON.parse(line) as Ready);
      } catch {
        reject(new Error(`${script} printed "${line}" instead of a JSON line`));
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });
  return {
    child,
    ready,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      }),
  };
}
