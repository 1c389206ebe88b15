import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inNonceOrder } from './in-nonce-order';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inNonceOrder', () => {
  it('runs the tasks of one key one at a time, in call order, with increasing nonces', async () => {
    const apiKey = randomUUID();
    const events: string[] = [];
    const nonces: number[] = [];
    await Promise.all(
      [30, 0, 10].map((delay, index) =>
        inNonceOrder(apiKey, async (nextNonce) => {
          events.push(`start ${index}`);
          nonces.push(Number(nextNonce()));
          await later(delay);
          events.push(`end ${index}`);
        }),
      ),
    );
    expect(events).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2']);
    expect(nonces[1]).toBeGreaterThan(nonces[0] ?? Number.POSITIVE_INFINITY);
    expect(nonces[2]).toBeGreaterThan(nonces[1] ?? Number.POSITIVE_INFINITY);
  });

  it('goes on after a failed task and hands its failure to its own caller', async () => {
    const apiKey = randomUUID();
    const failed = inNonceOrder(apiKey, async () => {
      throw new Error('provider down');
    });
    const next = inNonceOrder(apiKey, async () => 'sent');
    await expect(failed).rejects.toThrow('provider down');
    await expect(next).resolves.toBe('sent');
  });

  it('does not make different keys wait for each other', async () => {
    let releaseSlow: () => void = () => {};
    const slow = inNonceOrder(randomUUID(), () => new Promise<void>((resolve) => (releaseSlow = resolve)));
    await expect(inNonceOrder(randomUUID(), async () => 'fast')).resolves.toBe('fast');
    releaseSlow();
    await slow;
  });
});
