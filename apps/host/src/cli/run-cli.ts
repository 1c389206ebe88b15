import { parseArgs } from 'node:util';
import { type CliIo, processIo } from './call-host';
import type { CliCommand, ParsedArguments } from './cli-command';
import { cliCommands } from './cli-commands';
import { cliUsage } from './cli-usage';
import { commandHelp } from './command-help';

const helpFlags = new Set(['--help', '-h']);

/** Runs one CLI command; returns the exit code, or undefined for a command that keeps running (serve). */
export async function runCli(argv: readonly string[], io: CliIo = processIo): Promise<number | undefined> {
  const [name, ...rest] = argv;
  if (name === undefined || helpFlags.has(name)) {
    io.write(cliUsage(cliCommands));
    return 0;
  }
  if (name === 'help') {
    if (rest[0] === undefined) {
      io.write(cliUsage(cliCommands));
      return 0;
    }
    io.write(commandHelp(findCommand(rest[0])));
    return 0;
  }
  const command = findCommand(name);
  // Before parsing: `refunds refund --help` must help even when the rest of the line would be refused.
  const beforeTerminator = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest;
  if (beforeTerminator.some((argument) => helpFlags.has(argument))) {
    io.write(commandHelp(command));
    return 0;
  }
  return command.run(parseCommandArguments(command, rest), io);
}

/** The arguments as the command's own options read them; a refusal names the command's help. */
export function parseCommandArguments(command: CliCommand, args: readonly string[]): ParsedArguments {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: command.positionals !== undefined,
      strict: true,
      options: Object.fromEntries(
        Object.entries(command.options).map(([optionName, option]) => [
          optionName,
          { type: option.type, ...(option.multiple ? { multiple: true } : {}) },
        ]),
      ),
    });
    return { values: values as ParsedArguments['values'], positionals };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`${message}\nSee \`refunds ${command.name} --help\` for its options and an example.`);
  }
}

function findCommand(name: string): CliCommand {
  const command = cliCommands.find((candidate) => candidate.name === name);
  if (command) return command;
  throw new Error(`Unknown command "${name}".\n\n${cliUsage(cliCommands)}`);
}
