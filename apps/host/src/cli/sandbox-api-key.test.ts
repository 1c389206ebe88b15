import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readSandboxApiKey } from './sandbox-api-key';

const folders: string[] = [];
const folder = () => {
  const created = mkdtempSync(join(tmpdir(), 'refunds-sandbox-key-'));
  folders.push(created);
  return created;
};
afterEach(() => {
  for (const created of folders.splice(0)) rmSync(created, { recursive: true, force: true });
});

describe('readSandboxApiKey', () => {
  it('creates a long random sandbox key once, owner-only, and returns the same key afterwards', () => {
    const data = join(folder(), 'data', 'sandbox');
    const first = readSandboxApiKey(data);
    expect(first.created).toBe(true);
    expect(first.apiKey).toMatch(/^sk_sandbox_[A-Za-z0-9_-]{32,}$/);
    expect(first.path).toBe(join(data, 'api-key'));
    if (process.platform !== 'win32') expect(statSync(first.path).mode & 0o777).toBe(0o600);

    const again = readSandboxApiKey(data);
    expect(again).toEqual({ ...first, created: false });
  });

  it('gives two data folders two different keys', () => {
    expect(readSandboxApiKey(folder()).apiKey).not.toBe(readSandboxApiKey(folder()).apiKey);
  });

  it('refuses a key file that does not hold a sandbox key, such as a production key copied in', () => {
    const data = folder();
    writeFileSync(join(data, 'api-key'), 'live_key_1234\n');
    expect(() => readSandboxApiKey(data)).toThrow(/does not hold a sandbox API key.*delete it/);
  });

  it('narrows a key file readable by others', () => {
    if (process.platform === 'win32') return;
    const data = folder();
    writeFileSync(join(data, 'api-key'), `sk_sandbox_${'x'.repeat(43)}\n`, { mode: 0o644 });
    readSandboxApiKey(data);
    expect(statSync(join(data, 'api-key')).mode & 0o777).toBe(0o600);
  });
});
