import { type NotificationInput, quoteJsonNumbers, RefundError } from '@refunds/core';
import * as v from 'valibot';
import type { CoinCornerSender } from '../create-coincorner-sender';
import { type CoinCornerWebhook, coincornerWebhookSchema } from './coincorner-webhook-api';

/**
 * Authenticates a webhook the only way CoinCorner allows: its `APIKey` must be this account's key (compared in
 * constant time, case-insensitively since CoinCorner works with lower-cased keys). That is weak, anyone who
 * learnt the key can forge it, so the webhook says only which order to look at, never what happened.
 */
export function verifyCoinCornerWebhook(
  sender: CoinCornerSender,
  input: NotificationInput,
): CoinCornerWebhook {
  const text = typeof input.body === 'string' ? input.body : new TextDecoder().decode(input.body);
  const webhook = parseWebhook(text);
  if (typeof webhook?.APIKey !== 'string' || !sender.isOwnApiKey(webhook.APIKey)) {
    throw new RefundError({
      code: 'signature_invalid',
      outcome: 'rejected',
      provider: 'coincorner',
      message:
        webhook === undefined
          ? 'The CoinCorner webhook body is not the JSON object {"OrderId","APIKey"}; it cannot be authenticated and was ignored.'
          : "The CoinCorner webhook's APIKey is missing or is not this account's API key; it was ignored as a forgery.",
    });
  }
  if (typeof webhook.OrderId !== 'string' || webhook.OrderId === '') {
    throw new RefundError({
      code: 'invalid_response',
      outcome: 'rejected',
      provider: 'coincorner',
      raw: sender.redactor.value(webhook),
      message:
        'The CoinCorner webhook carries the right APIKey but no OrderId, so there is nothing to check.',
    });
  }
  return { OrderId: webhook.OrderId };
}

function parseWebhook(text: string): v.InferOutput<typeof coincornerWebhookSchema> | undefined {
  try {
    const result = v.safeParse(coincornerWebhookSchema, JSON.parse(quoteJsonNumbers(text)));
    return result.success ? result.output : undefined;
  } catch {
    return undefined;
  }
}
