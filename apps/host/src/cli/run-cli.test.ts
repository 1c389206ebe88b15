import { describe, expect, it } from 'vitest';
import { shellWords } from './__fixtures__/shell-words';
import type { CliIo } from './call-host';
import { cliCommands } from './cli-commands';
import { refundRequestBody } from './refund-command';
import { parseCommandArguments, runCli } from './run-cli';

async function run(argv: string[]) {
  let output = '';
  const io: CliIo = { environment: {}, write: (text) => (output += text) };
  const code = await runCli(argv, io);
  return { code, output };
}

describe('refunds --help', () => {
  it('lists every command with its forms and an example, then the environment', async () => {
    for (const argv of [[], ['--help'], ['-h'], ['help']]) {
      const { code, output } = await run(argv);
      expect(code).toBe(0);
      expect(output).toMatch(/^Usage: refunds <command> \[options\]\n/);
      for (const command of cliCommands) {
        expect(output).toContain(`\n  ${command.synopsis[0]}\n`);
        expect(output).toContain(`        e.g. ${command.examples[0]}\n`);
      }
      expect(output).toContain('Run `refunds help <command>` or `refunds <command> --help`');
      expect(output).toContain('  REFUNDS_API_KEY ');
    }
  });
});

describe.each(cliCommands.map((command) => [command.name, command] as const))(
  'refunds %s',
  (name, command) => {
    it('shows its options and an example for --help, -h and `help <command>`, also beside other options', async () => {
      const answers = await Promise.all(
        [
          [name, '--help'],
          [name, '-h'],
          ['help', name],
          [name, '--refund-id', 'r-1', '--help'],
        ].map(run),
      );
      for (const { code, output } of answers) {
        expect(code).toBe(0);
        expect(output).toBe(answers[0]?.output);
        expect(output).toMatch(new RegExp(`^Usage: refunds ${name}\\b`));
        for (const option of Object.keys(command.options)) expect(output).toContain(`  --${option}`);
        for (const positional of Object.keys(command.positionals ?? {}))
          expect(output).toContain(`  ${positional}`);
        expect(output).toMatch(/\nExamples?:\n {2}refunds /);
        for (const example of command.examples) expect(output).toContain(`  ${example}\n`);
      }
    });

    it('has examples its own options accept', () => {
      for (const example of command.examples) {
        const [program, commandName, ...args] = shellWords(example);
        expect([program, commandName]).toEqual(['refunds', name]);
        const parsed = parseCommandArguments(command, args);
        const wanted = Object.keys(command.positionals ?? {}).length;
        expect(parsed.positionals, example).toHaveLength(wanted);
        if (name === 'refund') expect(() => refundRequestBody(parsed.values)).not.toThrow();
      }
    });
  },
);

describe('refusals', () => {
  it('an unknown option names the command and where its help is', async () => {
    await expect(run(['status', 'r-1', '--verbose'])).rejects.toThrow(
      /Unknown option '--verbose'[\s\S]*See `refunds status --help` for its options and an example\./,
    );
  });

  it('an unknown command lists the commands', async () => {
    await expect(run(['refnd'])).rejects.toThrow(/Unknown command "refnd"\.\n\nUsage: refunds <command>/);
    await expect(run(['help', 'refnd'])).rejects.toThrow(/Unknown command "refnd"/);
  });

  it('a refund without its required options names every one missing', async () => {
    await expect(run(['refund', '--order-id', 'o-1'])).rejects.toThrow(
      'refund needs --refund-id, --amount, --currency (see `refunds refund --help`)',
    );
  });

  it('a refund id command without its id, or with two, says so', async () => {
    await expect(run(['status'])).rejects.toThrow('status needs a refund id');
    await expect(run(['sync', 'a', 'b'])).rejects.toThrow('sync takes one refund id, got also "b"');
    await expect(run(['accounts', 'extra'])).rejects.toThrow(/Unexpected argument 'extra'/);
  });
});
