import { describe, expect, it } from 'vitest';
import type { Ledger } from './ledger';
import { withEventActor } from './with-event-actor';

describe('withEventActor', () => {
  it('names the actor in every event written through it, and leaves everything else alone', async () => {
    const written: { type: string; data: unknown }[] = [];
    const ledger = {
      dialect: 'sqlite' as const,
      async transition(_refundId: string, change: { event: { type: string; data: unknown } }) {
        written.push(change.event);
        return undefined;
      },
      async appendEvent(_refundId: string, type: string, data: unknown) {
        written.push({ type, data });
      },
      async getRefund() {
        return undefined;
      },
    } as unknown as Ledger;
    const asked = withEventActor(ledger, 'ops-alice');
    await asked.transition('r-1', {
      from: ['unknown'],
      patch: {},
      event: { type: 'checked', data: { status: 'pending' } },
    });
    await asked.appendEvent('r-1', 'note', 'plain text');
    await asked.appendEvent('r-1', 'empty', undefined);
    expect(written).toEqual([
      { type: 'checked', data: { status: 'pending', actor: 'ops-alice' } },
      { type: 'note', data: { actor: 'ops-alice', data: 'plain text' } },
      { type: 'empty', data: { actor: 'ops-alice' } },
    ]);
    expect(asked.dialect).toBe('sqlite');
    expect(await asked.getRefund('r-1')).toBeUndefined();
  });
});
