import { afterEach, describe, expect, it } from 'vitest';
import { createLoopbackServer, type LoopbackServer } from './create-loopback-server';
import { createSandboxNotifier } from './create-sandbox-notifier';

let merchant: LoopbackServer | undefined;
afterEach(async () => {
  await merchant?.close();
});

async function startMerchant(answers: string[]) {
  const received: string[] = [];
  merchant = await createLoopbackServer({
    handle: (request) => {
      received.push(request.text);
      return { status: 200, body: answers.shift() ?? 'FAIL' };
    },
  });
  return { url: merchant.url, received };
}

describe('createSandboxNotifier', () => {
  it('posts the same bytes until the merchant acknowledges them', async () => {
    const { url, received } = await startMerchant(['busy', 'SUCCESS']);
    const notifier = createSandboxNotifier({
      isAcknowledged: (_, body) => body === 'SUCCESS',
      retryDelaysMs: [5, 5],
    });
    const attempts: boolean[] = [];
    const posted = notifier.post(url, { headers: {}, body: '{"refund":1}' }, (acknowledged) =>
      attempts.push(acknowledged),
    );
    expect(await posted).toBe(true);
    expect(received).toEqual(['{"refund":1}', '{"refund":1}']);
    expect(attempts).toEqual([false, true]);
    await notifier.close();
  });

  it('delivers a burst of notifications at once without a listener-leak warning', async () => {
    const { url, received } = await startMerchant(Array.from({ length: 20 }, () => 'SUCCESS'));
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.name);
    process.on('warning', onWarning);
    try {
      const notifier = createSandboxNotifier({
        isAcknowledged: (_, body) => body === 'SUCCESS',
        retryDelaysMs: [],
      });
      const posted = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          notifier.post(url, { headers: {}, body: `{"refund":${index}}` }),
        ),
      );
      expect(posted.every(Boolean)).toBe(true);
      expect(received).toHaveLength(20);
      await notifier.close();
      // Node emits warnings on the next tick.
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings).not.toContain('MaxListenersExceededWarning');
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('gives up after the schedule and posts nothing once closed', async () => {
    const { url, received } = await startMerchant([]);
    const notifier = createSandboxNotifier({ isAcknowledged: () => false, retryDelaysMs: [1] });
    expect(await notifier.post(url, { headers: {}, body: 'x' })).toBe(false);
    await notifier.idle();
    await notifier.close();
    expect(await notifier.post(url, { headers: {}, body: 'y' })).toBe(false);
    expect(received).toEqual(['x', 'x']);
  });
});
