import { describe, expect, it } from 'vitest';
import { splitDecimal } from './split-decimal';

describe('splitDecimal', () => {
  it('takes a decimal string apart, removing leading integer zeros only', () => {
    expect(splitDecimal('007.10')).toEqual({ negative: false, integer: '7', fraction: '10' });
    expect(splitDecimal('-0.5')).toEqual({ negative: true, integer: '0', fraction: '5' });
    expect(splitDecimal('000')).toEqual({ negative: false, integer: '0', fraction: '' });
  });

  it('refuses anything else with the field named', () => {
    expect(() => splitDecimal('1.', 'total')).toThrow(
      expect.objectContaining({ code: 'invalid_request', outcome: 'not_sent', field: 'total' }),
    );
    expect(() => splitDecimal('+1')).toThrow(expect.objectContaining({ field: 'amount' }));
  });
});
