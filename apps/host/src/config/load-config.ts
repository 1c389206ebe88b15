import { statSync } from 'node:fs';
import { readFile as readFileFromDisk, stat } from 'node:fs/promises';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findJsonSyntaxError } from './find-json-syntax-error';
import type { HostConfig } from './host-config';
import { HostConfigError } from './host-config-error';
import { parseHostConfig } from './parse-host-config';

/** Looked for in this order by `findDefaultConfig`. */
export const defaultConfigFileNames = [
  'refunds.config.json',
  'refunds.config.ts',
  'refunds.config.js',
  'refunds.config.mjs',
] as const;

export interface LoadConfigOptions {
  /** Reads a JSON config. Default: `fs.readFile` as UTF-8. */
  readFile?: (path: string) => Promise<string>;
  /** Imports a JS or TS config by file URL. Default: dynamic `import()`. */
  importModule?: (specifier: string) => Promise<unknown>;
}

/**
 * Reads and validates a config file: `.json`, or `.js`/`.mjs`/`.ts`/`.mts` with the config as default export.
 * Relative `{ "file": ... }` secret paths are resolved against the config file's folder, so the config means
 * the same thing whatever directory the host is started from. Throws `HostConfigError`.
 */
export async function loadConfig(path: string, options: LoadConfigOptions = {}): Promise<HostConfig> {
  const absolutePath = resolve(path);
  const value = await readConfigValue(absolutePath, options);
  const config = parseHostConfig(value, { source: absolutePath });
  return resolveSecretFiles(config, dirname(absolutePath));
}

/** Every path `findDefaultConfig` tries in `cwd`, in order: what to tell an operator when none is there. */
export function defaultConfigCandidates(cwd: string = process.cwd()): string[] {
  return defaultConfigFileNames.map((name) => join(resolve(cwd), name));
}

/** The config file in `cwd` (first of `defaultConfigFileNames`), or undefined when there is none. */
export function findDefaultConfig(cwd: string = process.cwd()): string | undefined {
  for (const candidate of defaultConfigCandidates(cwd)) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // Absent or unreadable: try the next name.
    }
  }
  return undefined;
}

async function readConfigValue(path: string, options: LoadConfigOptions): Promise<unknown> {
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return readJsonConfig(path, options.readFile ?? readUtf8);
  if (['.js', '.mjs', '.ts', '.mts'].includes(extension)) {
    return importConfigModule(path, extension, options.importModule ?? importByUrl);
  }
  throw configFileError(path, `unsupported config file type "${extension}"; use .json, .js, .mjs or .ts`);
}

async function readJsonConfig(path: string, readFile: (path: string) => Promise<string>): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path);
  } catch (error) {
    throw configFileError(path, `cannot read the file (${describeFileError(error)})`, error);
  }
  // Editors on Windows may save a byte order mark, which JSON.parse refuses.
  const json = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(json);
  } catch {
    const syntaxError = findJsonSyntaxError(json);
    // The parse error itself is not chained as `cause`: its message may quote a slice of the file.
    throw configFileError(
      path,
      syntaxError === undefined
        ? 'invalid JSON'
        : `invalid JSON at line ${syntaxError.line}, column ${syntaxError.column}: ${syntaxError.message}`,
    );
  }
}

async function importConfigModule(
  path: string,
  extension: string,
  importModule: (specifier: string) => Promise<unknown>,
): Promise<unknown> {
  try {
    await stat(path);
  } catch (error) {
    throw configFileError(path, `cannot read the file (${describeFileError(error)})`, error);
  }
  let namespace: unknown;
  try {
    namespace = await importModule(pathToFileURL(path).href);
  } catch (error) {
    if (isTypeScript(extension) && errorCode(error) === 'ERR_UNKNOWN_FILE_EXTENSION') {
      throw configFileError(
        path,
        `this runtime (Node.js ${process.version}) cannot import TypeScript; write the config as ` +
          'refunds.config.json, or run the host under tsx (npx tsx) or on Node.js >= 22.18',
        error,
      );
    }
    const message = error instanceof Error ? error.message : String(error);
    throw configFileError(path, `cannot load the file: ${message}`, error);
  }
  if (typeof namespace !== 'object' || namespace === null || !('default' in namespace)) {
    throw configFileError(
      path,
      'has no default export; write `export default { accounts: { ... }, routes: [] }`',
    );
  }
  return namespace.default;
}

function resolveSecretFiles(config: HostConfig, directory: string): HostConfig {
  const accounts = Object.fromEntries(
    Object.entries(config.accounts).map(([id, account]) => {
      if (account.secrets === undefined) return [id, account];
      const secrets = Object.fromEntries(
        Object.entries(account.secrets).map(([name, reference]) => [
          name,
          'file' in reference && !isAbsolute(reference.file)
            ? { file: resolve(directory, reference.file) }
            : reference,
        ]),
      );
      return [id, { ...account, secrets }];
    }),
  );
  return { ...config, accounts };
}

function configFileError(path: string, message: string, cause?: unknown): HostConfigError {
  return new HostConfigError([{ message }], { source: path, cause });
}

function isTypeScript(extension: string): boolean {
  return extension === '.ts' || extension === '.mts';
}

function errorCode(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
}

function describeFileError(error: unknown): string {
  const code = errorCode(error);
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a directory';
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

function readUtf8(path: string): Promise<string> {
  return readFileFromDisk(path, 'utf8');
}

function importByUrl(specifier: string): Promise<unknown> {
  return import(specifier);
}
