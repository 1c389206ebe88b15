import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HostConfigError } from './host-config-error';
import { defaultConfigCandidates, findDefaultConfig, loadConfig } from './load-config';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'refunds-config-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const config = {
  accounts: {
    'gatepay:main': {
      package: '@refunds/gatepay',
      settings: { merchantId: 'gp-merchant' },
      secrets: { secretKey: { env: 'GATEPAY_SECRET_KEY' }, privateKey: { file: 'secrets/gatepay.pem' } },
    },
  },
  routes: [{ account: 'gatepay:main', currency: 'USDT' }],
};

async function write(name: string, text: string): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, text);
  return path;
}

async function loadError(path: string, options?: Parameters<typeof loadConfig>[1]): Promise<HostConfigError> {
  const error = await loadConfig(path, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(HostConfigError);
  return error as HostConfigError;
}

describe('loadConfig', () => {
  it('reads JSON and resolves relative secret files against the config folder', async () => {
    const path = await write('refunds.config.json', JSON.stringify(config, null, 2));
    const loaded = await loadConfig(path);
    expect(loaded.routes).toEqual(config.routes);
    expect(loaded.accounts['gatepay:main']?.secrets).toEqual({
      secretKey: { env: 'GATEPAY_SECRET_KEY' },
      privateKey: { file: join(folder, 'secrets/gatepay.pem') },
    });
  });

  it('accepts a byte order mark', async () => {
    const path = await write('bom.json', `\uFEFF${JSON.stringify(config)}`);
    await expect(loadConfig(path)).resolves.toMatchObject({ routes: config.routes });
  });

  it('names the file, line and column of bad JSON without quoting it', async () => {
    const text = '{\n  "accounts": {\n    "gatepay:main": { "package": "@refunds/gatepay", }\n  }\n}\n';
    const path = await write('trailing-comma.json', text);
    const error = await loadError(path);
    expect(error.message).toBe(
      [
        `Invalid refunds configuration in ${path} (1 problem):`,
        "  - invalid JSON at line 3, column 52: trailing comma before '}' is not allowed in JSON",
      ].join('\n'),
    );
  });

  it('reports a missing file', async () => {
    const error = await loadError(join(folder, 'absent.json'));
    expect(error.problems).toEqual([{ message: 'cannot read the file (no such file)' }]);
  });

  it('reports structural problems with the file as the source', async () => {
    const path = await write('unknown-key.json', JSON.stringify({ ...config, route: [] }));
    const error = await loadError(path);
    expect(error.message).toContain(`in ${path}`);
    expect(error.problems).toEqual([
      {
        field: 'route',
        message: 'unknown key "route"; the config takes only "accounts", "routes", "apiKeys", "webhooks"',
      },
    ]);
  });

  it('imports the default export of a .mjs config', async () => {
    const path = await write('refunds.config.mjs', `export default ${JSON.stringify(config)};\n`);
    await expect(loadConfig(path)).resolves.toMatchObject({ routes: config.routes });
  });

  it('imports a .ts config where the runtime can', async () => {
    const path = await write(
      'refunds.config.ts',
      `const config: { accounts: Record<string, unknown> } = ${JSON.stringify(config)};\nexport default config;\n`,
    );
    await expect(loadConfig(path)).resolves.toMatchObject({ routes: config.routes });
  });

  it('tells the user to use JSON or tsx when the runtime cannot import TypeScript', async () => {
    const path = await write('node20.config.ts', 'export default {};\n');
    const error = await loadError(path, {
      importModule: async () => {
        throw Object.assign(new TypeError(`Unknown file extension ".ts" for ${path}`), {
          code: 'ERR_UNKNOWN_FILE_EXTENSION',
        });
      },
    });
    expect(error.problems).toEqual([
      {
        message: expect.stringMatching(
          /cannot import TypeScript; write the config as refunds.config.json, or run the host under tsx/,
        ),
      },
    ]);
  });

  it('requires a default export', async () => {
    const path = await write('named.config.mjs', 'export const accounts = {};\n');
    const error = await loadError(path);
    expect(error.problems[0]?.message).toMatch(/has no default export/);
  });

  it('refuses other file types', async () => {
    const path = await write('refunds.config.yaml', 'accounts: {}\n');
    const error = await loadError(path);
    expect(error.problems[0]?.message).toBe(
      'unsupported config file type ".yaml"; use .json, .js, .mjs or .ts',
    );
  });
});

describe('findDefaultConfig', () => {
  it('finds refunds.config.json first, or nothing', async () => {
    const empty = await mkdtemp(join(folder, 'empty-'));
    expect(findDefaultConfig(empty)).toBeUndefined();
    await writeFile(join(empty, 'refunds.config.ts'), 'export default {};\n');
    expect(findDefaultConfig(empty)).toBe(join(empty, 'refunds.config.ts'));
    await writeFile(join(empty, 'refunds.config.json'), '{}');
    expect(findDefaultConfig(empty)).toBe(join(empty, 'refunds.config.json'));
  });

  it('tries, in order, the paths defaultConfigCandidates lists', () => {
    expect(defaultConfigCandidates('/srv/refunds')).toEqual([
      join('/srv/refunds', 'refunds.config.json'),
      join('/srv/refunds', 'refunds.config.ts'),
      join('/srv/refunds', 'refunds.config.js'),
      join('/srv/refunds', 'refunds.config.mjs'),
    ]);
  });
});
