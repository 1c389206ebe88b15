import { describe, expect, it } from 'vitest';
import { gatePayErrorTable } from './gatepay-error-table';

// The description is what a merchant reads in the error message: every documented row explains itself.
describe('gatePayErrorTable descriptions', () => {
  it.each(Object.entries(gatePayErrorTable))('%s tells what happened in a sentence', (_code, row) => {
    expect(row.description.trim().length).toBeGreaterThan(15);
    // The message adds the full stop.
    expect(row.description).toMatch(/^[A-Z0-9].*[^.]$/s);
  });
});
