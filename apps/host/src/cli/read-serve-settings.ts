import { maximumTimerMs, readPositiveInteger } from './read-positive-integer';

export interface ServeSettings {
  port?: number;
  /** How long a provider call may hold a refund before other instances reconcile it. */
  leaseMs?: number;
  /** How often the reconciler looks for due refunds. */
  reconcileIntervalMs?: number;
}

/**
 * Every numeric setting `refunds serve` reads from the environment, checked before anything starts: a value
 * that is not a positive integer stops the host with the variable named, instead of being replaced by the
 * default without a word.
 */
export function readServeSettings(environment: Readonly<Record<string, string | undefined>>): ServeSettings {
  const settings: ServeSettings = {};
  const problems: string[] = [];
  const read = (key: keyof ServeSettings, name: string, maximum: number, unit: string) => {
    try {
      const value = readPositiveInteger(name, environment[name], { maximum, unit });
      if (value !== undefined) settings[key] = value;
    } catch (error) {
      problems.push((error as Error).message);
    }
  };
  read('port', 'PORT', 65_535, 'a TCP port');
  read('leaseMs', 'REFUNDS_LEASE_MS', maximumTimerMs, 'milliseconds');
  read('reconcileIntervalMs', 'REFUNDS_RECONCILE_INTERVAL_MS', maximumTimerMs, 'milliseconds');
  // All at once, so an operator fixes every variable in one pass.
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return settings;
}
