import { callHost } from './call-host';
import type { CliCommand } from './cli-command';
import { clientEnvironment } from './cli-environment';
import { requireRefundId } from './require-refund-id';

/** `refunds resend`: send a refund in needs_attention again, only if the provider shows no such refund. */
export const resendCommand: CliCommand = {
  name: 'resend',
  synopsis: ['resend <refundId> --reason <text>'],
  summary:
    'Send a refund in needs_attention again under its id: only if the provider shows no such refund; ' +
    'otherwise nothing is sent and what the provider shows is printed and recorded (operator key).',
  positionals: { '<refundId>': 'a refund in needs_attention' },
  options: { reason: { type: 'string', value: '<text>', description: 'why it is sent again (required)' } },
  examples: ['refunds resend r-1044 --reason "GatePay shows no such refund; customer still waiting"'],
  environment: clientEnvironment,
  run({ values, positionals }, io) {
    const refundId = requireRefundId('resend', positionals);
    const reason = values.reason;
    if (typeof reason !== 'string' || !reason.trim())
      throw new Error(`resend needs --reason "<why>": it is kept in the refund's history`);
    return callHost('POST', `/v1/refunds/${encodeURIComponent(refundId)}/resend`, { reason }, io);
  },
};
