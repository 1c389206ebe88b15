import { describe, expect, it } from 'vitest';
import { alignScales } from './align-scales';

describe('alignScales', () => {
  it('brings both values to the larger scale', () => {
    expect(alignScales({ units: 15n, scale: 1 }, { units: 125n, scale: 3 })).toEqual({
      left: 1500n,
      right: 125n,
      scale: 3,
    });
    expect(alignScales({ units: -1n, scale: 0 }, { units: 0n, scale: 0 })).toEqual({
      left: -1n,
      right: 0n,
      scale: 0,
    });
  });
});
