import { describe, expect, it } from 'vitest';
import { createSettleClock } from './create-settle-clock';

describe('createSettleClock', () => {
  it('settles after the delay, once', async () => {
    const settled: string[] = [];
    const clock = createSettleClock<string>({ settleAfterMs: 5, settle: (key) => void settled.push(key) });
    clock.schedule('a');
    clock.schedule('a');
    expect(clock.pending()).toEqual(['a']);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(settled).toEqual(['a']);
    expect(clock.pending()).toEqual([]);
  });

  it('settles everything planned now, and what it is given besides', async () => {
    const settled: string[] = [];
    const clock = createSettleClock<string>({
      settleAfterMs: 60_000,
      settle: async (key) => void settled.push(key),
    });
    clock.schedule('a');
    clock.schedule('b');
    await clock.settleAll(['c']);
    expect(settled.sort()).toEqual(['a', 'b', 'c']);
    expect(clock.pending()).toEqual([]);
  });

  it('does nothing after close', async () => {
    const settled: string[] = [];
    const clock = createSettleClock<string>({ settleAfterMs: 1, settle: (key) => void settled.push(key) });
    clock.schedule('a');
    clock.close();
    clock.schedule('b');
    await clock.settleNow('c');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(settled).toEqual([]);
  });

  it('tells settle whether its timer fired or it was asked to settle now', async () => {
    const settled: string[] = [];
    const clock = createSettleClock<string>({
      settleAfterMs: 1,
      settle: (key, { now }) => void settled.push(`${key}:${now ? 'now' : 'timer'}`),
    });
    clock.schedule('a');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await clock.settleNow('b');
    await clock.settleAll(['c']);
    expect(settled).toEqual(['a:timer', 'b:now', 'c:now']);
  });
});
