import { execFileSync } from 'node:child_process';

/**
 * The words a real POSIX shell makes of a command line (quotes, escapes), without running it: what a person
 * who pastes the line runs. Variables are not set, so a line that uses one would lose it.
 */
export function shellWords(commandLine: string): string[] {
  const output = execFileSync(
    'sh',
    ['-c', `set -- ${commandLine}\nfor word; do printf '%s\\0' "$word"; done`],
    {
      encoding: 'utf8',
    },
  );
  return output.split('\0').slice(0, -1);
}
