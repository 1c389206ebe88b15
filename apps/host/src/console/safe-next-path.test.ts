import { describe, expect, it } from 'vitest';
import { safeNextPath } from './safe-next-path';

describe('safeNextPath', () => {
  it('keeps console paths and sends everything else to the overview', () => {
    expect(safeNextPath('/console/refunds/r1')).toBe('/console/refunds/r1');
    expect(safeNextPath('/console/search?q=o-1')).toBe('/console/search?q=o-1');
    expect(safeNextPath('/console')).toBe('/console');
    for (const next of [
      'https://evil.example',
      '//evil.example',
      '/v1/refunds',
      '/console\\@evil',
      undefined,
      3,
    ]) {
      expect(safeNextPath(next)).toBe('/console');
    }
  });
});
