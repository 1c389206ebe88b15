import { callHost } from './call-host';
import type { CliCommand } from './cli-command';
import { clientEnvironment } from './cli-environment';
import { requireRefundId } from './require-refund-id';

/** `refunds sync <refundId>`: ask the provider now instead of waiting for the reconciler. */
export const syncCommand: CliCommand = {
  name: 'sync',
  synopsis: ['sync <refundId>'],
  summary:
    'Ask the provider about the refund now, instead of waiting for the reconciler or a notification, and ' +
    'print the refund as it then stands.',
  positionals: { '<refundId>': 'the id the refund was created with' },
  options: {},
  examples: ['refunds sync r-1042'],
  environment: clientEnvironment,
  run: ({ positionals }, io) =>
    callHost(
      'POST',
      `/v1/refunds/${encodeURIComponent(requireRefundId('sync', positionals))}/sync`,
      undefined,
      io,
    ),
};
