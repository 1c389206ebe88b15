import type { CliCommand } from './cli-command';
import { cliEnvironment } from './cli-environment';
import { wrapText } from './wrap-text';

/** `refunds <command> --help`: its forms, what it does, each argument and option, examples, its environment. */
export function commandHelp(command: CliCommand): string {
  const rows: [string, string][] = [
    ...Object.entries(command.positionals ?? {}),
    ...Object.entries(command.options).map(([name, option]): [string, string] => [
      `--${name}${option.type === 'string' ? ` ${option.value ?? '<value>'}` : ''}`,
      option.multiple ? `${option.description} (repeatable)` : option.description,
    ]),
    ['-h, --help', 'show this help'],
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  const lines = [
    // A form that starts with spaces continues the one before it, aligned under its options.
    ...command.synopsis.map((form, index) =>
      index === 0
        ? `Usage: refunds ${form}`
        : `${form.startsWith(' ') ? ' '.repeat(15) : '       refunds '}${form}`,
    ),
    '',
    ...wrapText(command.summary, ''),
    '',
    'Arguments and options:',
    ...rows.flatMap(([label, description]) => {
      const [first = '', ...rest] = wrapText(description, ' '.repeat(width + 2));
      return [`  ${label.padEnd(width)}${first.trimStart()}`, ...rest];
    }),
    '',
    command.examples.length === 1 ? 'Example:' : 'Examples:',
    ...command.examples.map((example) => `  ${example}`),
  ];
  if (command.environment.length > 0) {
    const names = Math.max(...command.environment.map((name) => name.length)) + 2;
    lines.push(
      '',
      'Environment:',
      ...command.environment.flatMap((name) => {
        const [first = '', ...rest] = wrapText(cliEnvironment[name] ?? '', ' '.repeat(names + 2));
        return [`  ${name.padEnd(names)}${first.trimStart()}`, ...rest];
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}
