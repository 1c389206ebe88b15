import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('.', import.meta.url).pathname;

function runtimeFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory())
      return ['sandbox', '__fixtures__'].includes(entry.name) ? [] : runtimeFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('runtime code', () => {
  // Node >= 20, Bun, Deno and edge runtimes: only the sandbox, which runs in tests and the host, may use node:.
  it('imports no node: module and never turns money into a float', () => {
    for (const file of runtimeFiles(root)) {
      const source = readFileSync(file, 'utf8');
      expect(source, relative(root, file)).not.toMatch(/from 'node:|require\(/);
      expect(source, relative(root, file)).not.toMatch(/parseFloat|toFixed|Math\.round|Number\(/);
    }
  });
});
