import { callHost } from './call-host';
import type { CliCommand } from './cli-command';
import { clientEnvironment } from './cli-environment';
import { requireRefundId } from './require-refund-id';

/** `refunds resolve`: a person decides a refund in needs_attention. */
export const resolveCommand: CliCommand = {
  name: 'resolve',
  synopsis: ['resolve <refundId> --state succeeded|failed --reason <text> [--provider-refund-id <id>]'],
  summary:
    'Decide a refund in needs_attention with what you established with the provider (operator key). The ' +
    "reason is kept in the refund's history.",
  positionals: { '<refundId>': 'a refund in needs_attention' },
  options: {
    state: { type: 'string', value: 'succeeded|failed', description: 'what the provider did (required)' },
    reason: { type: 'string', value: '<text>', description: 'how you know (required)' },
    'provider-refund-id': { type: 'string', value: '<id>', description: "the provider's id of the refund" },
  },
  examples: [
    'refunds resolve r-1042 --state failed --reason "CoinCorner support: no refund on order 100004"',
    'refunds resolve r-1043 --state succeeded --reason "paid, seen in the dashboard" --provider-refund-id GP-88',
  ],
  environment: clientEnvironment,
  run({ values, positionals }, io) {
    const refundId = requireRefundId('resolve', positionals);
    if (values.state !== 'succeeded' && values.state !== 'failed')
      throw new Error('resolve needs --state succeeded or --state failed (see `refunds resolve --help`)');
    const reason = values.reason;
    if (typeof reason !== 'string' || !reason.trim())
      throw new Error(`resolve needs --reason "<why>": it is kept in the refund's history`);
    const providerRefundId = values['provider-refund-id'];
    return callHost(
      'POST',
      `/v1/refunds/${encodeURIComponent(refundId)}/resolve`,
      { state: values.state, reason, ...(providerRefundId ? { providerRefundId } : {}) },
      io,
    );
  },
};
