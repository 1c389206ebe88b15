import { randomUUID } from 'node:crypto';
import type { NonceSource } from '@refunds/core';
import { describe, expect, it } from 'vitest';
import { inNonceOrder } from './in-nonce-order';
import { inProcessNonceSource } from './next-coincorner-nonce';

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('inNonceOrder', () => {
  it('runs the tasks of one key one at a time, in call order, with increasing nonces', async () => {
    const apiKey = randomUUID();
    const source = inProcessNonceSource(apiKey);
    const events: string[] = [];
    const nonces: number[] = [];
    await Promise.all(
      [30, 0, 10].map((delay, index) =>
        inNonceOrder(apiKey, source, async (nextNonce) => {
          events.push(`start ${index}`);
          nonces.push(Number(await nextNonce()));
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
    const source = inProcessNonceSource(apiKey);
    const failed = inNonceOrder(apiKey, source, async () => {
      throw new Error('provider down');
    });
    const next = inNonceOrder(apiKey, source, async () => 'sent');
    await expect(failed).rejects.toThrow('provider down');
    await expect(next).resolves.toBe('sent');
  });

  it('does not make different keys wait for each other', async () => {
    let releaseSlow: () => void = () => {};
    const slowKey = randomUUID();
    const slow = inNonceOrder(
      slowKey,
      inProcessNonceSource(slowKey),
      () => new Promise<void>((resolve) => (releaseSlow = resolve)),
    );
    const fastKey = randomUUID();
    await expect(inNonceOrder(fastKey, inProcessNonceSource(fastKey), async () => 'fast')).resolves.toBe(
      'fast',
    );
    releaseSlow();
    await slow;
  });

  it('asks the source with the clock in microseconds as the floor, moved ahead on request', async () => {
    const floors: number[] = [];
    const source: NonceSource = {
      async next(floor) {
        floors.push(floor);
        return floor + 7;
      },
    };
    const before = Date.now() * 1000;
    const nonces = await inNonceOrder(randomUUID(), source, async (nextNonce) => [
      await nextNonce(),
      await nextNonce(2),
    ]);
    const after = Date.now() * 1000;
    expect(floors[0]).toBeGreaterThanOrEqual(before);
    expect(floors[0]).toBeLessThanOrEqual(after);
    expect(floors[1]).toBeGreaterThanOrEqual(before + 2000);
    expect(nonces).toEqual([String((floors[0] ?? 0) + 7), String((floors[1] ?? 0) + 7)]);
  });

  it.each([
    ['a value below the floor', async (floor: number) => floor - 1],
    ['a fraction', async (floor: number) => floor + 0.5],
    ['a value beyond 2^53', async () => 2 ** 54],
  ])('refuses a source that returns %s, sending nothing', async (_case, next) => {
    const error = await inNonceOrder(randomUUID(), { next }, (nextNonce) => nextNonce()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'provider_unavailable', outcome: 'not_sent' });
  });

  it('reports a failing source as not sent', async () => {
    const source: NonceSource = { next: () => Promise.reject(new Error('ledger down')) };
    const error = await inNonceOrder(randomUUID(), source, (nextNonce) => nextNonce()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ code: 'provider_unavailable', outcome: 'not_sent' });
    expect((error as Error).message).toContain('ledger down');
  });
});
