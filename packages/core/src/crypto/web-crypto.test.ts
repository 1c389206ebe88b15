import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const directory = dirname(fileURLToPath(import.meta.url));
const importSpecifier = /\bfrom\s+['"]([^'"]+)['"]|\bimport\s*\(?\s*['"]([^'"]+)['"]/g;

/** Every source file web-crypto.ts reaches through relative imports, with the specifiers each one imports. */
function relativeImportGraph(entry: string): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (graph.has(file)) continue;
    const source = readFileSync(join(directory, file), 'utf8');
    const specifiers = [...source.matchAll(importSpecifier)].map((match) => (match[1] ?? match[2])!);
    graph.set(file, specifiers);
    for (const specifier of specifiers) {
      if (specifier.startsWith('./')) pending.push(`${specifier.slice(2)}.ts`);
    }
  }
  return graph;
}

describe('web-crypto', () => {
  const graph = relativeImportGraph('web-crypto.ts');

  it('reaches the helpers it is built from', () => {
    expect([...graph.keys()]).toEqual(
      expect.arrayContaining([
        'web-crypto.ts',
        'parse-key-pem.ts',
        'decode-base64.ts',
        'wrap-pkcs1-private-key.ts',
      ]),
    );
  });

  it.each([...graph.entries()])('%s imports nothing from Node', (_, specifiers) => {
    for (const specifier of specifiers) {
      expect(specifier).not.toMatch(/^node:/);
      expect(specifier.startsWith('./') || specifier.startsWith('@noble/hashes/')).toBe(true);
    }
  });

  it.each([...graph.keys()])('%s does not use Buffer or process', (file) => {
    const source = readFileSync(join(directory, file), 'utf8');
    expect(source).not.toMatch(/\bBuffer\b/);
    expect(source).not.toMatch(/\bprocess\./);
  });
});
