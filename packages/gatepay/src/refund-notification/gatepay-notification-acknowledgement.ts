import type { NotificationAcknowledgement } from '@refunds/core';

/**
 * What GatePay expects back once a notification is handled: HTTP 200 with exactly this body. Anything else, or
 * no answer, makes GatePay deliver it again on its retry schedule.
 */
export const gatePayNotificationAcknowledgement: NotificationAcknowledgement = Object.freeze({
  status: 200,
  headers: Object.freeze({ 'content-type': 'application/json' }) as Record<string, string>,
  body: '{"returnCode":"SUCCESS","returnMessage":""}',
});
