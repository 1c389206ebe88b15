import { accountsCommand } from './accounts-command';
import { attentionCommand } from './attention-command';
import { auditCommand } from './audit-command';
import type { CliCommand } from './cli-command';
import { eventsCommand } from './events-command';
import { refundCommand } from './refund-command';
import { resendCommand } from './resend-command';
import { resolveCommand } from './resolve-command';
import { serveCommand } from './serve-command';
import { statusCommand } from './status-command';
import { syncCommand } from './sync-command';

/** Every command of the `refunds` CLI, in the order `refunds --help` lists them. */
export const cliCommands: readonly CliCommand[] = [
  serveCommand,
  refundCommand,
  statusCommand,
  syncCommand,
  eventsCommand,
  attentionCommand,
  resolveCommand,
  resendCommand,
  accountsCommand,
  auditCommand,
];
