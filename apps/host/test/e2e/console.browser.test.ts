import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RunningSandbox } from '@refunds/core';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NamedApiKey } from '../../src/http/api-keys';
import {
  refundBody,
  type SandboxHost,
  startSandboxHost,
  testApiKey,
  waitFor,
} from '../support/start-sandbox-host';
import { startWebhookReceiver, type WebhookReceiver } from '../support/start-webhook-receiver';
import { seedRefundHistory } from './__fixtures__/seed-refund-history';

// The console in a real browser: Debian's Chromium (`apt-get install chromium`, as .ci/run does), driven by
// playwright-core, against a real host on loopback in front of the providers' sandboxes.
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Skipped only on a machine without Chromium; CI sets CHROMIUM_PATH, so there a missing browser fails.
const browserMissing = process.env.CHROMIUM_PATH === undefined && !existsSync(executablePath);
const docs = fileURLToPath(new URL('../../../../docs/', import.meta.url));

const operator: NamedApiKey = { name: 'alice', secret: 'op_console_7d1e0c9a4b2f8e6d5c3b', role: 'operator' };
const viewer: NamedApiKey = { name: 'victor', secret: 'vw_console_2b8f4e6a0c9d1e3f7a5b', role: 'viewer' };

describe.skipIf(browserMissing)('the console in Chromium', () => {
  let harness: SandboxHost;
  let browser: Browser;
  /** Handed to a person by the reconciler itself: CoinCorner's answer was lost and it cannot de-duplicate. */
  let lostRefundId: string;
  let lostOrderId: string;
  /** Handed over too (a direct ledger transition), for the viewer and the refused forms. */
  let otherRefundId: string;
  /** The shop's webhook endpoint: the refund page lists what was posted to it. */
  let shop: WebhookReceiver;

  beforeAll(async () => {
    shop = await startWebhookReceiver();
    process.env.CONSOLE_WEBHOOK_SECRET = `whsec_${randomBytes(32).toString('base64')}`;
    harness = await startSandboxHost({
      apiKeys: [testApiKey, operator, viewer],
      configure: (config) => ({
        ...config,
        webhooks: { endpoints: [{ id: 'shop', url: shop.url, secret: { env: 'CONSOLE_WEBHOOK_SECRET' } }] },
      }),
      webhookIntervalMs: 50,
    });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    const accounts = [...harness.demoOrders.keys()].sort();
    await seedRefundHistory(
      harness.host.ledger,
      accounts.map((account) => ({
        account,
        provider: harness.host.accounts.get(account)?.provider.provider ?? account,
        order: harness.demoOrders.get(account)?.[0] as never,
      })),
    );
    // This hour's refunds, sent to the sandboxes for real.
    const recent: string[] = [];
    for (const account of accounts) {
      const created = await harness.call(
        'POST',
        '/v1/refunds',
        refundBody(account, await harness.freshOrder(account)),
      );
      expect(created.status).toBeLessThan(300);
      recent.push(created.body.refundId);
    }
    await waitFor(
      () => Promise.all(recent.map((refundId) => harness.host.ledger.getRefund(refundId))),
      (refunds) => refunds.every((refund) => refund?.state === 'succeeded' || refund?.state === 'failed'),
    );
    otherRefundId = recent[0] as string;
    const other = await harness.host.ledger.getRefund(otherRefundId);
    await harness.host.ledger.transition(otherRefundId, {
      from: [other?.state ?? 'succeeded'],
      patch: { state: 'needs_attention', nextCheckAt: null },
      event: {
        type: 'needs_attention',
        data: {
          reason: 'the provider answered with another currency than the refund was sent in',
          evidence: {},
        },
      },
    });

    const account = 'coincorner:sandbox';
    const coincorner = harness.sandboxes.get(account) as RunningSandbox;
    const order = await harness.freshOrder(account);
    lostOrderId = order.orderId;
    coincorner.setReadLag(60_000);
    coincorner.injectFault({ fault: { kind: 'reset-after-commit' }, path: coincorner.refundPath, times: 1 });
    const lost = await harness.call('POST', '/v1/refunds', refundBody(account, order));
    lostRefundId = lost.body.refundId ?? lost.body.refund.refundId;
    const parked = await waitFor(
      () => harness.host.ledger.getRefund(lostRefundId),
      (refund) => refund?.state === 'needs_attention',
    );
    expect(parked?.state).toBe('needs_attention');
    coincorner.setReadLag(0);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.close();
    await shop?.close();
  });

  async function signIn(key: NamedApiKey): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const response = await page.goto(`${harness.url}/console`);
    expect(response?.status()).toBe(401);
    await page.getByLabel('API key').fill(key.secret);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Overview');
    return { context, page };
  }

  it('shows only the sign-in page without a key: no refund data', async () => {
    const page = await browser.newPage();
    const response = await page.goto(`${harness.url}/console/refunds/${lostRefundId}`);
    expect(response?.status()).toBe(401);
    expect(await page.locator('h1').textContent()).toBe('Sign in');
    // The refund id is in the address the visitor typed (and the form's return path), nothing of the refund is.
    expect(await page.content()).not.toContain(lostOrderId);
    expect(await page.locator('.state').count()).toBe(0);
    expect((await page.goto(`${harness.url}/console`))?.status()).toBe(401);
    const overview = await page.content();
    expect(overview).not.toContain(lostRefundId);
    expect(overview).not.toContain(lostOrderId);
    await page.close();
  });

  it('lets an operator sign in, find the refund needing attention, resolve it and see the event', async () => {
    const { context, page } = await signIn(operator);

    // The cookie is the signed session, HttpOnly and SameSite=Strict; never the key.
    const [cookie] = (await context.cookies()).filter((candidate) => candidate.name === 'refunds_console');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/console' });
    expect(cookie?.value).not.toContain(operator.secret);

    const attention = page.locator('table', { has: page.locator('th', { hasText: 'Last evidence' }) });
    const row = attention.locator('tr', { hasText: lostRefundId });
    await expect.poll(() => row.textContent()).toContain('cannot de-duplicate a resend');
    expect(await page.locator('svg[role=img] rect').count()).toBeGreaterThan(24);
    mkdirSync(docs, { recursive: true });
    await page.screenshot({ path: `${docs}console-overview.png`, fullPage: true });

    await row.getByRole('link', { name: lostRefundId }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Refund ${lostRefundId}`);
    // The shop was told the refund needs a person; the page shows that delivery with its answer.
    const deliveries = page.locator('table[aria-label="Webhook deliveries"]');
    await expect
      .poll(async () => {
        await page.reload();
        return deliveries.locator('tr', { hasText: 'refund.needs_attention' }).textContent();
      })
      .toMatch(/delivered.*204 in \d+ ms/s);
    const resolve = page.locator('form[aria-label=Resolve]');
    expect(await resolve.count()).toBe(1);
    expect(await page.locator('form[aria-label=Resend]').count()).toBe(1);
    await resolve.getByLabel('succeeded').check();
    await resolve.getByLabel('Reason').fill('CoinCorner support confirmed the refund was paid on 3 March.');
    await page.screenshot({ path: `${docs}console-refund.png`, fullPage: true });

    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain('now succeeded');
    expect(await page.locator('dd .state').first().textContent()).toBe('succeeded');
    expect(await page.locator('form[aria-label=Resolve]').count()).toBe(0);
    const resolvedEvent = page.locator('.timeline li', { hasText: 'resolved' });
    expect(await resolvedEvent.textContent()).toContain('by alice');
    expect(await resolvedEvent.textContent()).toContain('CoinCorner support confirmed');

    // The API agrees: the state, and the event naming the key and the reason.
    expect((await harness.call('GET', `/v1/refunds/${lostRefundId}`)).body.state).toBe('succeeded');
    const events = (await harness.call('GET', `/v1/refunds/${lostRefundId}/events`)).body.events;
    expect(events.at(-1)).toMatchObject({
      type: 'resolved',
      data: {
        actor: 'alice',
        state: 'succeeded',
        reason: 'CoinCorner support confirmed the refund was paid on 3 March.',
      },
    });

    // An operator posts a delivery again: the same webhook-id reaches the shop once more.
    const attentionRow = deliveries.locator('tr', { hasText: 'refund.needs_attention' });
    const webhookId = (await attentionRow.locator('.mono').textContent())?.trim();
    const before = shop.received.filter((request) => request.headers['webhook-id'] === webhookId).length;
    expect(before).toBe(1);
    await attentionRow.getByRole('button', { name: 'Redeliver' }).click();
    await expect.poll(() => page.locator('.notice').textContent()).toContain('posted again');
    await expect
      .poll(() => shop.received.filter((request) => request.headers['webhook-id'] === webhookId).length)
      .toBe(2);
    expect(shop.received.some((request) => JSON.parse(request.body).type === 'refund.resolved')).toBe(true);

    // Search: an order id lists its refunds, a refund id opens its page.
    await page.getByRole('searchbox', { name: 'Refund id or order id' }).first().fill(lostOrderId);
    await page.getByRole('button', { name: 'Search' }).first().click();
    await expect.poll(() => page.locator('main table').textContent()).toContain(lostRefundId);
    await page.getByRole('searchbox', { name: 'Refund id or order id' }).first().fill(lostRefundId);
    await page.getByRole('button', { name: 'Search' }).first().click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(`Refund ${lostRefundId}`);

    // Sign out: back to the sign-in page, and the old cookie no longer opens anything.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Sign in');
    const replayed = await browser.newContext();
    await replayed.addCookies([{ ...(cookie as NonNullable<typeof cookie>), expires: -1 }]);
    const replayedPage = await replayed.newPage();
    expect((await replayedPage.goto(`${harness.url}/console`))?.status()).toBe(401);
    await replayed.close();
    await context.close();
  }, 60_000);

  it('shows a viewer no forms, and refuses a viewer’s post', async () => {
    const { context, page } = await signIn(viewer);
    await page.goto(`${harness.url}/console/refunds/${otherRefundId}`);
    expect(await page.locator('dd .state').first().textContent()).toBe('needs_attention');
    expect(await page.locator('main form').count()).toBe(0);
    expect(await page.locator('main').textContent()).toContain('reads only');

    // Even with the session's own CSRF token (the sign-out form's), the role decides.
    const token = await page.locator('header input[name=csrf]').getAttribute('value');
    const posted = await page.request.post(`${harness.url}/console/refunds/${otherRefundId}/resolve`, {
      form: { csrf: token ?? '', state: 'failed', reason: 'not mine to decide' },
      headers: { origin: harness.url },
    });
    expect(posted.status()).toBe(403);
    expect((await harness.host.ledger.getRefund(otherRefundId))?.state).toBe('needs_attention');
    await context.close();
  }, 30_000);

  it('refuses a form posted without its CSRF token, or from another origin', async () => {
    const { context, page } = await signIn(operator);
    await page.goto(`${harness.url}/console/refunds/${otherRefundId}`);
    const resolve = page.locator('form[aria-label=Resolve]');
    const token = await resolve.locator('input[name=csrf]').getAttribute('value');
    await resolve.locator('input[name=csrf]').evaluate((input) => input.remove());
    await resolve.getByLabel('failed').check();
    await resolve.getByLabel('Reason').fill('forged');
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/resolve')),
      resolve.getByRole('button', { name: 'Resolve' }).click(),
    ]);
    expect(response.status()).toBe(403);
    expect(await page.locator('h1').textContent()).toBe('Refused');

    const crossOrigin = await page.request.post(`${harness.url}/console/refunds/${otherRefundId}/resolve`, {
      form: { csrf: token ?? '', state: 'failed', reason: 'forged' },
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    expect(crossOrigin.status()).toBe(403);
    expect((await harness.host.ledger.getRefund(otherRefundId))?.state).toBe('needs_attention');
    await context.close();
  }, 30_000);

  it('takes Authorization: Bearer for scripts', async () => {
    const page = await fetch(`${harness.url}/console/refunds/${otherRefundId}`, {
      headers: { authorization: `Bearer ${viewer.secret}` },
    });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(otherRefundId);
    const wrong = await fetch(`${harness.url}/console`, { headers: { authorization: 'Bearer not-a-key' } });
    expect(wrong.status).toBe(401);
    expect(await wrong.text()).not.toContain(otherRefundId);
  });
});
