import type { Context } from 'hono';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import * as v from 'valibot';
import { allows, findApiKey } from '../http/api-keys';
import { resendRefundBodySchema, resolveRefundBodySchema } from '../http/api-schemas';
import type { AppOptions } from '../http/app-options';
import { validationError } from '../http/validation-error';
import { redeliverWebhook } from '../operators/redeliver-webhook';
import { resendRefund } from '../operators/resend-refund';
import { resolveRefund } from '../operators/resolve-refund';
import { HostError } from '../refunds/host-error';
import { consoleAuthentication, sessionCookieName } from './console-authentication';
import { consoleCsrf, signInCookieName } from './console-csrf';
import type { ConsoleEnv, ConsoleUser } from './console-env';
import { consoleHeaders } from './console-headers';
import { consoleLayout } from './console-layout';
import { createSessionToken, sessionLifetimeMs } from './console-session';
import { createRevokedSessions } from './create-revoked-sessions';
import { isHttps } from './is-https';
import { loadOverview } from './load-overview';
import { MessagePage } from './message-page';
import { OverviewPage } from './overview-page';
import { type Notice, RefundPage } from './refund-page';
import { safeNextPath } from './safe-next-path';
import { SearchPage } from './search-page';
import { showSignIn } from './show-sign-in';

type ConsoleContext = Context<ConsoleEnv>;

// Printable ASCII, as the API's schemas take them: anything else names no refund and never reaches a database.
const refundIdPattern = /^[\x21-\x7e]{1,64}$/;
const orderIdPattern = /^[\x21-\x7e]{1,100}$/;

const notices: Record<string, (state: string) => Notice> = {
  resolved: (state) => ({ kind: 'ok', text: `Resolved: the refund is now ${state}.` }),
  resent: () => ({
    kind: 'ok',
    text: 'The provider showed no such refund, so it was sent again under the same id; the host follows it up.',
  }),
  redelivered: () => ({
    kind: 'ok',
    text: 'The webhook is posted again now, with the same webhook-id; its attempts are listed below.',
  }),
  shown: () => ({
    kind: 'error',
    text: 'The provider shows this refund, so it was not sent again. What it showed is the latest event below: resolve the refund with it.',
  }),
};

/**
 * The operators' console under `/console`: server-rendered pages, no script, nothing from elsewhere. Sign-in
 * with an API key sets a signed session cookie; `Authorization: Bearer <key>` works too, for scripts.
 */
export function consoleRoutes(options: AppOptions): Hono<ConsoleEnv> {
  const { ledger, logger, metrics } = options;
  const revoked = createRevokedSessions();
  const routes = new Hono<ConsoleEnv>().basePath('/console');
  const refused = (context: ConsoleContext) =>
    message(
      context,
      403,
      'Refused',
      'This form did not come from a console page of this session. Go back, reload the page and try again.',
    );

  routes.use('*', consoleHeaders, consoleLayout);
  routes.use('*', consoleAuthentication(options.apiKeys, revoked));
  routes.use('*', consoleCsrf('/console/sign-in', refused));

  routes.get('/sign-in', (context) =>
    context.get('user') ? context.redirect('/console', 303) : showSignIn(context),
  );
  routes.post('/sign-in', async (context) => {
    const body = await context.req.parseBody();
    const key = findApiKey(options.apiKeys, typeof body.apiKey === 'string' ? body.apiKey.trim() : '');
    if (!key) {
      logger.warn({ ip: context.req.header('x-forwarded-for') }, 'console sign-in refused');
      return showSignIn(context, "That is not one of this host's API keys.");
    }
    const { token } = createSessionToken(key);
    setCookie(context, sessionCookieName, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(context),
      path: '/console',
      maxAge: Math.floor(sessionLifetimeMs / 1000),
    });
    deleteCookie(context, signInCookieName, { path: '/console', secure: isHttps(context) });
    logger.info({ key: key.name }, 'console sign-in');
    return context.redirect(safeNextPath(body.next), 303);
  });

  // Everything below needs a valid key: without one, the sign-in page and no data.
  routes.use('*', async (context, next) => (context.get('user') ? next() : showSignIn(context)));

  routes.post('/sign-out', (context) => {
    const { session } = signedIn(context);
    if (session) revoked.revoke(session);
    deleteCookie(context, sessionCookieName, { path: '/console', secure: isHttps(context) });
    return context.redirect('/console', 303);
  });

  routes.get('/', async (context) =>
    context.render(<OverviewPage overview={await loadOverview(ledger, options.accounts.keys())} />, {
      title: 'Overview',
    }),
  );

  routes.get('/search', async (context) => {
    const query = (context.req.query('q') ?? '').trim();
    if (refundIdPattern.test(query) && (await ledger.getRefund(query))) {
      return context.redirect(`/console/refunds/${encodeURIComponent(query)}`, 303);
    }
    const refunds = orderIdPattern.test(query)
      ? (await ledger.listRefunds({ orderId: query, limit: 100 })).refunds
      : [];
    return context.render(<SearchPage query={query} refunds={refunds} />, { title: 'Search' });
  });

  routes.get('/refunds/:refundId', (context) => {
    const done = notices[context.req.query('done') ?? ''];
    return refundPage(context, done);
  });

  routes.post('/refunds/:refundId/resolve', async (context) => {
    const user = signedIn(context);
    if (!allows(user.key.role, 'resolve')) return roleRefused(context, user, 'resolve');
    const refundId = context.req.param('refundId');
    try {
      const { state, reason, providerRefundId } = await formFields(context);
      const parsed = v.safeParse(resolveRefundBodySchema, {
        state,
        reason,
        ...(providerRefundId?.trim() ? { providerRefundId: providerRefundId.trim() } : {}),
      });
      if (!parsed.success) throw validationError(parsed.issues);
      const refund = await resolveRefund(ledger, { refundId, ...parsed.output, actor: user.key.name });
      metrics.increment('refunds_operator_actions_total', 'Operator actions by kind and result', {
        action: 'resolve',
        result: refund.state,
      });
      return context.redirect(`/console/refunds/${encodeURIComponent(refundId)}?done=resolved`, 303);
    } catch (error) {
      if (error instanceof HostError) return refundPage(context, () => errorNotice(error), error.status);
      throw error;
    }
  });

  routes.post('/refunds/:refundId/resend', async (context) => {
    const user = signedIn(context);
    if (!allows(user.key.role, 'resend')) return roleRefused(context, user, 'resend');
    const refundId = context.req.param('refundId');
    try {
      const { reason } = await formFields(context);
      const parsed = v.safeParse(resendRefundBodySchema, { reason });
      if (!parsed.success) throw validationError(parsed.issues);
      const outcome = await resendRefund(options.reconcileContext, {
        refundId,
        reason: parsed.output.reason,
        actor: user.key.name,
      });
      metrics.increment('refunds_operator_actions_total', 'Operator actions by kind and result', {
        action: 'resend',
        result: outcome.resent ? 'resent' : 'provider_shows_refund',
      });
      const done = outcome.resent ? 'resent' : 'shown';
      return context.redirect(`/console/refunds/${encodeURIComponent(refundId)}?done=${done}`, 303);
    } catch (error) {
      if (error instanceof HostError) return refundPage(context, () => errorNotice(error), error.status);
      throw error;
    }
  });

  routes.post('/refunds/:refundId/deliveries/:deliveryId/redeliver', async (context) => {
    const user = signedIn(context);
    if (!allows(user.key.role, 'redeliver')) return roleRefused(context, user, 'redeliver');
    const refundId = context.req.param('refundId');
    // Only a delivery of this refund: the page the form was on is the one the operator saw.
    const delivery = await redeliverWebhook(ledger, {
      deliveryId: context.req.param('deliveryId'),
      refundId,
      actor: user.key.name,
    });
    if (delivery === undefined) {
      return message(context, 404, 'Not found', 'This refund has no such webhook delivery.');
    }
    metrics.increment('refunds_operator_actions_total', 'Operator actions by kind and result', {
      action: 'redeliver',
      result: 'scheduled',
    });
    return context.redirect(`/console/refunds/${encodeURIComponent(refundId)}?done=redelivered`, 303);
  });

  routes.all('*', (context) =>
    message(context, 404, 'Not found', `The console has no page ${context.req.path}.`),
  );

  routes.onError((error, context) => {
    if (error instanceof HostError) return message(context, error.status, 'Not possible', error.message);
    logger.error(
      { error: error instanceof Error ? { name: error.name, message: error.message } : String(error) },
      'console page failed',
    );
    return message(context, 500, 'Something went wrong', 'The host failed to show this page; try again.');
  });

  /** The refund page, with what just happened to it, under `status` (an error's, after a refused action). */
  async function refundPage(
    context: ConsoleContext,
    notice: ((state: string) => Notice) | undefined,
    status: 200 | 400 | 401 | 404 | 409 | 413 | 422 | 429 | 503 = 200,
  ) {
    const refundId = context.req.param('refundId') ?? '';
    const refund = refundIdPattern.test(refundId) ? await ledger.getRefund(refundId) : undefined;
    if (!refund) return message(context, 404, 'Not found', `No refund has the id “${refundId}”.`);
    const events = await ledger.events(refund.refundId);
    const deliveries = await ledger.webhookDeliveries(refund.refundId);
    context.status(status);
    return context.render(
      <RefundPage
        refund={refund}
        events={events}
        deliveries={deliveries}
        user={signedIn(context)}
        now={new Date()}
        notice={notice?.(refund.state)}
      />,
      { title: `Refund ${refund.refundId}` },
    );
  }

  return routes;
}

function signedIn(context: ConsoleContext): ConsoleUser {
  const user = context.get('user');
  if (!user) throw new Error('The console route ran without a signed-in user.');
  return user;
}

async function formFields(context: ConsoleContext): Promise<Record<string, string | undefined>> {
  const body = await context.req.parseBody();
  return Object.fromEntries(
    Object.entries(body).map(([name, value]) => [name, typeof value === 'string' ? value : undefined]),
  );
}

function errorNotice(error: HostError): Notice {
  return { kind: 'error', text: error.message };
}

function roleRefused(context: ConsoleContext, user: ConsoleUser, action: 'resolve' | 'resend' | 'redeliver') {
  return message(
    context,
    403,
    'Not allowed',
    `API key ${user.key.name} has role ${user.key.role}; to ${action} a refund, sign in with an operator key.`,
  );
}

function message(
  context: ConsoleContext,
  status: 403 | 404 | 400 | 401 | 409 | 413 | 422 | 429 | 500 | 503,
  title: string,
  text: string,
) {
  context.status(status);
  return context.render(<MessagePage title={title} text={text} />, { title });
}
