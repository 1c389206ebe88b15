/** One thing wrong with the host's configuration, located as precisely as the config allows. */
export interface HostConfigProblem {
  /** The `provider:account` id the problem belongs to, when it belongs to one. */
  account?: string;
  /** The dotted path of the offending field, relative to the account when `account` is set. */
  field?: string;
  message: string;
}

/**
 * Every configuration problem found at start-up, reported together so an operator fixes them in one pass
 * instead of restarting once per mistake. Messages never contain secret values.
 */
export class HostConfigError extends Error {
  readonly problems: HostConfigProblem[];

  constructor(problems: readonly HostConfigProblem[], options?: { source?: string; cause?: unknown }) {
    const where = options?.source === undefined ? '' : ` in ${options.source}`;
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    const lines = problems.map((problem) => `  - ${formatHostConfigProblem(problem)}`);
    super(
      [`Invalid refunds configuration${where} (${count}):`, ...lines].join('\n'),
      options?.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = 'HostConfigError';
    this.problems = [...problems];
  }
}

export function formatHostConfigProblem(problem: HostConfigProblem): string {
  const location = [
    problem.account === undefined ? undefined : `account ${problem.account}`,
    problem.field === undefined ? undefined : `field ${problem.field}`,
  ].filter((part) => part !== undefined);
  return location.length === 0 ? problem.message : `${location.join(', ')}: ${problem.message}`;
}
