import { spawn } from 'node:child_process';

/**
 * Runs a command without a shell (arguments are never re-parsed) and resolves with its output; rejects with
 * the command line and everything it printed when it fails, so a CI log shows why.
 */
export function runCommand(command, args, options = {}) {
  const { cwd, env, echo = false, allowFailure = false, timeoutMs = 10 * 60_000 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (echo) process.stderr.write(chunk);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      const result = { status: status ?? 1, signal, stdout, stderr };
      if (status === 0 || allowFailure) {
        resolve(result);
        return;
      }
      const output = `${stdout}\n${stderr}`.trim();
      const ending = signal ? `was killed by ${signal}` : `exited with ${status}`;
      reject(
        new Error(`\`${[command, ...args].join(' ')}\` ${ending} in ${cwd ?? process.cwd()}\n${output}`),
      );
    });
  });
}
