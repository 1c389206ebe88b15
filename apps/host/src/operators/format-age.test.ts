import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age';

describe('formatAge', () => {
  it('says how long in the two largest units', () => {
    const second = 1000;
    const minute = 60 * second;
    const hour = 60 * minute;
    expect(
      [-5, 0, 45 * second, 12 * minute, 3 * hour, 3 * hour + 5 * minute, 50 * hour, 48 * hour].map(formatAge),
    ).toEqual(['0 s', '0 s', '45 s', '12 min', '3 h', '3 h 5 min', '2 d 2 h', '2 d']);
  });
});
