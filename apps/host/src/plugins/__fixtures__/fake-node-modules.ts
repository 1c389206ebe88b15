import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Writes `<folder>/@refunds/<name>/package.json` for each package, with a `./sandbox` export when asked. */
export async function writeFakePackages(
  folder: string,
  packages: Record<string, { sandbox: boolean } | 'invalid-json'>,
): Promise<void> {
  for (const [name, shape] of Object.entries(packages)) {
    const packageFolder = join(folder, '@refunds', name);
    await mkdir(packageFolder, { recursive: true });
    const manifest =
      shape === 'invalid-json'
        ? '{ "name": '
        : JSON.stringify({
            name: `@refunds/${name}`,
            exports: { '.': './index.js', ...(shape.sandbox ? { './sandbox': './sandbox.js' } : {}) },
          });
    await writeFile(join(packageFolder, 'package.json'), manifest);
  }
}
