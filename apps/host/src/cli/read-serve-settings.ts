import { maximumTimerMs, readPositiveInteger } from './read-positive-integer';

export interface ServeSettings {
  port?: number;
  /** How long a provider call may hold a refund before other instances reconcile it. */
  leaseMs?: number;
  /** How often the reconciler looks for due refunds. */
  reconcileIntervalMs?: number;
  /** `/metrics` without an API key: `REFUNDS_METRICS_PUBLIC=true`. Left out (a key needed) by default. */
  metricsPublic?: boolean;
}

/**
 * Every setting `refunds serve` reads from the environment, checked before anything starts: a value
 * that is not a positive integer stops the host with the variable named, instead of being replaced by the
 * default without a word.
 */
export function readServeSettings(environment: Readonly<Record<string, string | undefined>>): ServeSettings {
  const settings: ServeSettings = {};
  const problems: string[] = [];
  const read = (
    key: 'port' | 'leaseMs' | 'reconcileIntervalMs',
    name: string,
    maximum: number,
    unit: string,
  ) => {
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
  // Only the exact words: a typo such as "ture" must not leave metrics public, or private, by accident.
  const metricsPublic = environment.REFUNDS_METRICS_PUBLIC?.trim().toLowerCase();
  if (metricsPublic === 'true') settings.metricsPublic = true;
  else if (metricsPublic !== undefined && metricsPublic !== '' && metricsPublic !== 'false') {
    problems.push(
      `REFUNDS_METRICS_PUBLIC must be "true" (serve /metrics without an API key) or "false", but it is ${JSON.stringify(environment.REFUNDS_METRICS_PUBLIC?.slice(0, 64))}.`,
    );
  }
  // All at once, so an operator fixes every variable in one pass.
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return settings;
}
