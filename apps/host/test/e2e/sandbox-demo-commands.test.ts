import { type ChildProcess, spawn } from 'node:child_process';
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../support/spawn-cli';
import { freePort } from '../support/start-sandbox-host';

// The first thing a new user does: start sandbox mode, paste the printed commands, see the refunds succeed.
// Every refund command the banner prints is run exactly as printed, through a shell, with only what the
// banner says to set. Under pnpm (`pnpm test`, as CI runs it) the host is started with `pnpm start`, as the
// README says, and the banner's commands are `pnpm refunds ...`; otherwise the CLI runs from source and the
// banner prints the node command that started it.

const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const pnpmScript = /pnpm\.c?js$/.test(process.env.npm_execpath ?? '') ? process.env.npm_execpath : undefined;

// What the machine running the tests may have set, which the banner's commands must not depend on.
const inherited = Object.keys(process.env).filter(
  (name) => /^(npm_|PNPM_|REFUNDS_)/i.test(name) || name === 'DATABASE_URL' || name === 'PORT',
);
const clean = Object.fromEntries(inherited.map((name) => [name, undefined]));

let directory: string;
let path: string;
let host: { output(): string; stop(): Promise<void> };

function environment(): NodeJS.ProcessEnv {
  const result: NodeJS.ProcessEnv = { ...process.env, PATH: path, LOG_LEVEL: 'warn' };
  for (const name of inherited) delete result[name];
  return result;
}

function startWithPnpm(script: string, port: number) {
  // pnpm as a person who installed it has it: a `pnpm` on the PATH.
  const bin = join(directory, 'bin');
  const launcher = join(bin, 'pnpm');
  mkdirSync(bin, { recursive: true });
  writeFileSync(launcher, `#!/bin/sh\nexec '${process.execPath}' '${script}' "$@"\n`);
  chmodSync(launcher, 0o755);
  path = [bin, process.env.PATH ?? ''].join(delimiter);
  // Its own process group: stopping pnpm must stop the host it started too.
  const child = spawn('pnpm', ['start', '--data', join(directory, 'sandbox'), '--port', String(port)], {
    cwd: repositoryRoot,
    env: environment(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return watch(child, () => process.kill(-(child.pid as number), 'SIGTERM'));
}

function watch(child: ChildProcess, stop: () => void) {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => output,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) stop();
      await exited;
    },
  };
}

/** Runs a command line through a shell, after the banner's setup lines; resolves with its exit code and output. */
function shell(setup: readonly string[], line: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('sh', ['-c', `${setup.join('\n')}\n${line}`], {
      cwd: tmpdir(),
      env: environment(),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('close', (code) => resolve({ code, output }));
  });
}

/** The JSON document the CLI printed, after whatever the package manager printed before it. */
function printedJson(output: string): any {
  return JSON.parse(output.slice(output.indexOf('{'), output.lastIndexOf('}') + 1));
}

beforeAll(() => {
  directory = realpathSync(mkdtempSync(join(tmpdir(), 'refunds-demo-commands-')));
  path = process.env.PATH ?? '';
});
afterAll(async () => {
  await host?.stop();
  if (directory) rmSync(directory, { recursive: true, force: true });
});

describe('the sandbox banner', () => {
  it('prints for every demo order a refund command that works as printed, destination included', async () => {
    const port = await freePort();
    if (pnpmScript) host = startWithPnpm(pnpmScript, port);
    else {
      const cli = spawnCli(
        ['serve', '--sandbox', '--data', join(directory, 'sandbox'), '--port', String(port)],
        {
          cwd: directory,
          environment: { ...clean, LOG_LEVEL: 'warn' },
        },
      );
      host = { output: cli.output, stop: () => cli.kill('SIGTERM') };
    }
    const deadline = Date.now() + 90_000;
    while (!/after 3 s\):\n {4}\S.*\n/.test(host.output())) {
      if (Date.now() > deadline) throw new Error(`no banner in time:\n${host.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const banner = host.output();
    const lines = banner.split('\n');
    const setupStart = lines.indexOf('In another terminal:') + 1;
    const setupEnd = lines.findIndex((line, index) => index >= setupStart && !/^ {2}(cd|export) /.test(line));
    const setup = lines.slice(setupStart, setupEnd).map((line) => line.trim());
    expect(setup.filter((line) => line.startsWith('export '))).toHaveLength(2);
    const settleAt = lines.findIndex((line) => line.startsWith('Then see one settle'));
    const refundLines = lines.slice(setupEnd, settleAt).filter((line) => /^ {4}\S/.test(line));
    const statusLine = lines[settleAt + 1]?.trim() as string;
    const apiKey = /export REFUNDS_API_KEY=(\S+)/.exec(banner)?.[1] as string;

    // One command per demo order, each with its own refund id and the destination the order needs.
    const demoOrders = JSON.parse(readFileSync(join(directory, 'sandbox', 'demo-orders.json'), 'utf8')) as {
      orderId: string;
      destination?: Record<string, string>;
    }[];
    expect(refundLines).toHaveLength(demoOrders.length);
    expect(demoOrders.length).toBeGreaterThanOrEqual(4);
    for (const [index, order] of demoOrders.entries()) {
      const line = refundLines[index] as string;
      expect(line).toContain(order.orderId);
      for (const value of Object.values(order.destination ?? {})) expect(line).toContain(value);
      if (pnpmScript) expect(line).toMatch(/^ {4}pnpm refunds refund /);
    }

    const answers: { line: string; code: number | null; output: string }[] = [];
    const queue = refundLines.map((line) => line.trim());
    await Promise.all(
      Array.from({ length: 3 }, async () => {
        for (let line = queue.shift(); line !== undefined; line = queue.shift()) {
          answers.push({ line, ...(await shell(setup, line)) });
        }
      }),
    );
    const refundIds = new Set<string>();
    for (const answer of answers) {
      expect(answer.code, `${answer.line}\n${answer.output}`).toBe(0);
      const refund = printedJson(answer.output);
      expect(['pending', 'succeeded'], answer.output).toContain(refund.state);
      refundIds.add(refund.refundId);
    }
    expect(refundIds.size).toBe(refundLines.length);

    // The sandboxes settle after 3 s; every refund reaches succeeded.
    const url = /export REFUNDS_URL=(\S+)/.exec(banner)?.[1] as string;
    for (const refundId of refundIds) {
      let state = '';
      const until = Date.now() + 30_000;
      while (state !== 'succeeded' && Date.now() < until) {
        const response = await fetch(`${url}/v1/refunds/${encodeURIComponent(refundId)}`, {
          headers: { authorization: `Bearer ${apiKey}` },
        });
        state = ((await response.json()) as { state: string }).state;
        if (state !== 'succeeded') await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(state, refundId).toBe('succeeded');
    }
    const status = await shell(setup, statusLine);
    expect(status.code, status.output).toBe(0);
    expect(printedJson(status.output)).toMatchObject({ state: 'succeeded' });
  }, 180_000);
});
