import { callHost } from './call-host';
import type { CliCommand } from './cli-command';
import { clientEnvironment } from './cli-environment';
import { requireRefundId } from './require-refund-id';

/** `refunds status <refundId>`: the refund as the host's ledger holds it. */
export const statusCommand: CliCommand = {
  name: 'status',
  synopsis: ['status <refundId>'],
  summary: "The refund as the host's ledger holds it: its state, amount, destination and the provider's id.",
  positionals: { '<refundId>': 'the id the refund was created with' },
  options: {},
  examples: ['refunds status r-1042'],
  environment: clientEnvironment,
  run: ({ positionals }, io) =>
    callHost(
      'GET',
      `/v1/refunds/${encodeURIComponent(requireRefundId('status', positionals))}`,
      undefined,
      io,
    ),
};
