import { RefundError } from '../errors/refund-error';

export interface SettingSource {
  provider: string;
  /** The factory option, e.g. `secretKey`. */
  settingName: string;
  /** Where it falls back to, e.g. `GATEPAY_SECRET_KEY`. */
  environmentVariable: string;
  value: string | undefined;
}

/**
 * Reads a setting or its environment fallback at the moment it is needed, so importing a provider never throws
 * and a missing credential is reported at the first call, naming both places to put it.
 */
export function loadSetting(source: SettingSource): string {
  const value = loadOptionalSetting(source);
  if (value !== undefined) return value;
  throw new RefundError({
    code: 'invalid_request',
    outcome: 'not_sent',
    provider: source.provider,
    field: source.settingName,
    message: `${source.provider} setting \`${source.settingName}\` is missing: pass it to the factory or set the ${source.environmentVariable} environment variable.`,
  });
}

export function loadOptionalSetting(source: SettingSource): string | undefined {
  if (source.value !== undefined && source.value !== '') return source.value;
  const fromEnvironment = readEnvironmentVariable(source.environmentVariable);
  return fromEnvironment === '' ? undefined : fromEnvironment;
}

interface RuntimeGlobals {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

/** Environment access that works on Node, Bun, Deno and edge runtimes (where there may be none). */
export function readEnvironmentVariable(name: string): string | undefined {
  const runtime = globalThis as RuntimeGlobals;
  try {
    return runtime.process?.env?.[name] ?? runtime.Deno?.env?.get(name);
  } catch {
    // Deno without --allow-env throws; treat the variable as unset.
    return undefined;
  }
}
