import { chmodSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliInvocation } from './cli-invocation';

let root: string;
const file = (path: string, text = '', executable = false) => {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, text);
  if (executable) chmodSync(full, 0o755);
  return full;
};

beforeAll(() => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'refunds-cli-invocation-')));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('cliInvocation', () => {
  const pnpmAgent = 'pnpm/10.34.8 npm/? node/v20.20.2 linux x64';

  it('in the repository, through a pnpm script: `pnpm refunds`, where the root package.json is', () => {
    const manifest = file(
      'repo/package.json',
      JSON.stringify({
        scripts: { refunds: 'node --conditions=@refunds/source --import tsx apps/host/src/cli.ts' },
      }),
    );
    const script = file('repo/apps/host/src/cli.ts');
    const pnpmBin = dirname(file('bin/pnpm', '#!/bin/sh\n', true));
    const invocation = cliInvocation({
      environment: { npm_config_user_agent: pnpmAgent, npm_package_json: manifest, PATH: pnpmBin },
      script,
      execArgv: ['--conditions=@refunds/source', '--import', 'tsx'],
      cwd: join(root, 'repo'),
    });
    expect(invocation).toEqual({ command: 'pnpm refunds', directory: join(root, 'repo') });
  });

  it('through pnpm run by npx (no pnpm in the shell): `npx --yes pnpm@10 refunds`', () => {
    const npxBin = dirname(file('cache/_npx/a1b2/node_modules/.bin/pnpm', '#!/bin/sh\n', true));
    const invocation = cliInvocation({
      environment: {
        npm_config_user_agent: pnpmAgent,
        npm_package_json: join(root, 'repo/package.json'),
        PATH: [npxBin, join(root, 'repo/node_modules/.bin')].join(delimiter),
      },
      script: join(root, 'repo/apps/host/src/cli.ts'),
      execArgv: [],
      cwd: join(root, 'repo'),
    });
    expect(invocation.command).toBe('npx --yes pnpm@10 refunds');
  });

  it('installed in a project: `npx refunds` there, even while npx has put its bin folder on the PATH', () => {
    const script = file('project/node_modules/@refunds/host/dist/cli.js');
    mkdirSync(join(root, 'project/node_modules/.bin'), { recursive: true });
    symlinkSync(script, join(root, 'project/node_modules/.bin/refunds'));
    chmodSync(script, 0o755);
    const invocation = cliInvocation({
      environment: { PATH: join(root, 'project/node_modules/.bin'), npm_config_user_agent: 'npm/10.8.2' },
      script: join(root, 'project/node_modules/.bin/refunds'),
      execArgv: [],
      cwd: join(root, 'project'),
    });
    expect(invocation).toEqual({ command: 'npx refunds', directory: join(root, 'project') });
  });

  it('installed globally, on the PATH: `refunds`', () => {
    const script = file('global/lib/node_modules/@refunds/host/dist/cli.js', '', true);
    mkdirSync(join(root, 'global/bin'), { recursive: true });
    symlinkSync(script, join(root, 'global/bin/refunds'));
    const invocation = cliInvocation({
      environment: { PATH: join(root, 'global/bin') },
      script: join(root, 'global/bin/refunds'),
      execArgv: [],
      cwd: root,
    });
    expect(invocation).toEqual({ command: 'refunds' });
  });

  it('otherwise node with the flags it was started with; a pnpm script that runs another file does not count', () => {
    const manifest = file(
      'other/package.json',
      JSON.stringify({ scripts: { refunds: 'node other-cli.js' } }),
    );
    const script = file('checkout/apps/host/dist/cli.js');
    const invocation = cliInvocation({
      environment: { npm_config_user_agent: pnpmAgent, npm_package_json: manifest, PATH: '' },
      script,
      execArgv: ['--import', '/opt/my tools/tsx.mjs'],
      cwd: join(root, 'checkout'),
    });
    expect(invocation).toEqual({
      command: "node --import '/opt/my tools/tsx.mjs' apps/host/dist/cli.js",
      directory: join(root, 'checkout'),
    });
  });
});
