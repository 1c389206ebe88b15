import { callHost } from './call-host';
import type { CliCommand } from './cli-command';
import { clientEnvironment } from './cli-environment';

/** `refunds accounts`: the accounts the host serves. */
export const accountsCommand: CliCommand = {
  name: 'accounts',
  synopsis: ['accounts'],
  summary: 'The provider accounts the host serves, with what each provider can do.',
  options: {},
  examples: ['refunds accounts'],
  environment: clientEnvironment,
  run: (_parsed, io) => callHost('GET', '/v1/accounts', undefined, io),
};
