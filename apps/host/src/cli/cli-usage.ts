import type { CliCommand } from './cli-command';
import { cliEnvironment } from './cli-environment';
import { wrapText } from './wrap-text';

/** `refunds --help`: every command's forms, what it does and an example, then the environment. */
export function cliUsage(commands: readonly CliCommand[]): string {
  const lines = ['Usage: refunds <command> [options]', '', 'Commands:'];
  for (const command of commands) {
    lines.push(
      ...command.synopsis.map((form) => `  ${form}`),
      ...wrapText(command.summary, '        '),
      ...command.examples.slice(0, 1).map((example) => `        e.g. ${example}`),
      '',
    );
  }
  lines.push(
    'Run `refunds help <command>` or `refunds <command> --help` for its options and examples.',
    '',
    'Environment:',
  );
  const width = Math.max(...Object.keys(cliEnvironment).map((name) => name.length)) + 2;
  for (const [name, description] of Object.entries(cliEnvironment)) {
    const [first = '', ...rest] = wrapText(description, ' '.repeat(width + 2));
    lines.push(`  ${name.padEnd(width)}${first.trimStart()}`, ...rest);
  }
  lines.push('  Numeric settings must be positive integers; serve refuses to start otherwise.');
  return `${lines.join('\n')}\n`;
}
