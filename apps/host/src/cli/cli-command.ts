import type { CliIo } from './call-host';

/** One option of a command: how it is parsed and how its help describes it, kept together so they cannot drift. */
export interface CliOption {
  type: 'string' | 'boolean';
  /** May be given more than once; the values are collected in order. */
  multiple?: boolean;
  /** What the value looks like in the help, e.g. `<id>`; string options only. */
  value?: string;
  description: string;
}

export interface ParsedArguments {
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
}

/**
 * A CLI command and its help, in one place: `refunds --help`, `refunds help <command>` and
 * `refunds <command> --help` are all written from this.
 */
export interface CliCommand {
  name: string;
  /** The forms the command takes, each without the leading `refunds `. */
  synopsis: readonly string[];
  /** What it does, in a sentence or two. */
  summary: string;
  /** Positional arguments, described; a command without them refuses any. */
  positionals?: Readonly<Record<string, string>>;
  options: Readonly<Record<string, CliOption>>;
  /** Complete command lines that work as written (a test parses each with the command's own options). */
  examples: readonly string[];
  /** The environment variables the command reads, described once in `cliEnvironment`. */
  environment: readonly string[];
  /** The exit code, or undefined for a command that keeps running (serve). */
  run(parsed: ParsedArguments, io: CliIo): Promise<number | undefined>;
}
