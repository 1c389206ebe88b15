import { describe, expect, it } from 'vitest';
import { coincornerErrorTable } from './coincorner-error-table';

// The description is what a merchant reads in the error message: every documented row explains itself.
describe('coincornerErrorTable descriptions', () => {
  it.each(Object.entries(coincornerErrorTable))('%s tells what happened in a sentence', (_key, row) => {
    expect(row.description.trim().length).toBeGreaterThan(15);
    // Whole sentences: a description cut short (or missing its first part) is caught too.
    expect(row.description).toMatch(/^[A-Z].*\.$/s);
    expect(row.description).not.toMatch(/ {2}/);
  });
});

// What the refusals that are not the provider's own must tell an operator, since nothing else will.
describe('coincornerErrorTable: what the host-side refusals say', () => {
  it('a nonce refusal: nothing executed, who else uses the key, what to do, and that the refund can be sent again', () => {
    const { description } = coincornerErrorTable.nonce;
    expect(description).toContain('nothing was executed');
    expect(description).toContain('Another system is using this API key');
    expect(description).toContain('give it its own key');
    expect(description).toContain('The same refund can be sent again.');
  });

  it('a refund id already sent: why it was not sent again, and where to look', () => {
    const { description } = coincornerErrorTable['already-sent'];
    expect(description).toContain('already sent this refund id');
    expect(description).toContain('sending it again could pay twice');
    expect(description).toContain('Nothing was sent; check it with getRefund.');
  });

  it('an order already refunding: nothing sent, and where to look', () => {
    const { description } = coincornerErrorTable['order-shows-refund'];
    expect(description).toContain('already refunding or refunded');
    expect(description).toContain('nothing was sent');
  });
});
