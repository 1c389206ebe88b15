import { RefundError, type RefundProviderV1 } from '@refunds/core';
import { Hono } from 'hono';
import { applyNotification } from '../refunds/apply-notification';
import type { AppOptions } from './app-options';
import { errorResponse } from './error-response';
import { quoteInput } from './quote-input';

/** Provider notifications: authenticated by the provider's signature, answered as the provider expects. */
export function notificationRoutes(options: AppOptions): Hono {
  const { accounts, ledger, logger, metrics } = options;
  const routes = new Hono();
  routes.post('/v1/notifications/:account', async (context) => {
    const account = context.req.param('account');
    const provider = accounts.get(account)?.provider;
    if (!provider?.verifyNotification) {
      return errorResponse(
        context,
        404,
        'no_notifications',
        `Account ${quoteInput(account)} does not receive notifications.`,
      );
    }
    let notification: Awaited<ReturnType<NonNullable<RefundProviderV1['verifyNotification']>>>;
    try {
      notification = await provider.verifyNotification({
        body: new Uint8Array(await context.req.arrayBuffer()),
        headers: context.req.raw.headers,
      });
    } catch (error) {
      const code = RefundError.isInstance(error) ? error.code : 'invalid_notification';
      metrics.increment('refunds_notifications_total', 'Provider notifications by result', {
        account,
        result: code,
      });
      // A verified notification about something that is not a refund (CoinCorner also calls for payments) is
      // acknowledged, or the provider would keep resending it.
      if (code === 'not_found') return context.body(null, 200);
      const status = code === 'signature_invalid' || code === 'authentication' ? 401 : 400;
      return errorResponse(context, status, code, 'The notification could not be verified.');
    }
    if (notification.kind === 'ignored') {
      // Verified, but about something other than a refund: acknowledged so the provider stops resending it.
      metrics.increment('refunds_notifications_total', 'Provider notifications by result', {
        account,
        result: 'ignored',
      });
      logger.info({ account, reason: notification.reason }, 'notification ignored');
      const { acknowledgement } = notification;
      return context.body(acknowledgement.body, acknowledgement.status as 200, acknowledgement.headers);
    }
    const outcome = await applyNotification(ledger, account, notification);
    metrics.increment('refunds_notifications_total', 'Provider notifications by result', {
      account,
      result: outcome.kind,
    });
    logger.info({ account, notificationId: notification.notificationId, outcome }, 'notification');
    const { acknowledgement } = notification;
    return context.body(acknowledgement.body, acknowledgement.status as 200, acknowledgement.headers);
  });

  return routes;
}
