import { expect } from 'vitest';

/**
 * Matches the `RefundError` of input refused before anything was sent: `invalid_request` / `not_sent`, naming
 * `field`, with a message that says the rule (`message`).
 */
export function expectInvalidRequest(field: string, message: RegExp) {
  return expect.objectContaining({
    code: 'invalid_request',
    outcome: 'not_sent',
    field,
    message: expect.stringMatching(message),
  });
}
