import * as v from 'valibot';
import { invalidRequest } from '../errors/invalid-request';
import type { HttpHooks } from '../http/http-types';
import { readEnvironmentVariable } from '../settings/load-setting';

export interface SettingDefinition<Schema extends v.GenericSchema = v.GenericSchema> {
  /** The rule for the value, given in the settings or read from the environment. */
  schema: Schema;
  /** Where the setting falls back to, read at the moment it is needed, e.g. `GATEPAY_SECRET_KEY`. */
  environmentVariable?: string;
  /** Holds a secret: the host refuses it inline in a config file and redacts it everywhere. */
  secret?: boolean;
}

type Definitions = Record<string, SettingDefinition>;

/** What every provider's client takes beside its declared settings: code, not configuration. */
export interface ProviderHttpSettings {
  /** Replaces the global `fetch`, e.g. for a proxy or a test double. */
  fetch?: typeof globalThis.fetch;
  /** Observes requests, responses and errors, always redacted. */
  hooks?: HttpHooks;
}

/** The settings a caller passes: every one optional, since each can come from its environment variable. */
export type SettingsOf<D extends Definitions> = { [K in keyof D]?: v.InferOutput<D[K]['schema']> };

export interface SettingsReader<D extends Definitions> {
  /** The setting or its environment fallback; throws `invalid_request` naming both places when neither is set. */
  required<K extends keyof D & string>(name: K): v.InferOutput<D[K]['schema']>;
  optional<K extends keyof D & string>(name: K): v.InferOutput<D[K]['schema']> | undefined;
}

export interface ProviderSettings<D extends Definitions> {
  readonly provider: string;
  /** For the plugin's `settingsSchema`: every setting optional, each checked by its own rule. */
  readonly schema: v.GenericSchema<unknown, SettingsOf<D>>;
  /** For the plugin's `secretSettings`. */
  readonly secretSettings: readonly (keyof D & string)[];
  readonly environmentVariables: Readonly<Partial<Record<keyof D & string, string>>>;
  /** Reads lazily: importing or creating a provider never throws; the first call that needs a setting does. */
  read(settings: SettingsOf<D>): SettingsReader<D>;
}

/**
 * One declaration per setting gives the settings type (`SettingsOf`), the valibot schema the host validates
 * with, the environment-variable fallbacks and the list of secrets, so the three can never drift apart.
 */
export function defineProviderSettings<const D extends Definitions>(
  provider: string,
  definitions: D,
): ProviderSettings<D> {
  const names = Object.keys(definitions) as (keyof D & string)[];
  const entries = Object.fromEntries(names.map((name) => [name, v.optional(definitions[name]!.schema)]));
  const environmentVariables = Object.fromEntries(
    names.flatMap((name) => {
      const variable = definitions[name]!.environmentVariable;
      return variable === undefined ? [] : [[name, variable]];
    }),
  ) as Partial<Record<keyof D & string, string>>;
  return Object.freeze({
    provider,
    schema: v.object(entries) as unknown as v.GenericSchema<unknown, SettingsOf<D>>,
    secretSettings: Object.freeze(names.filter((name) => definitions[name]!.secret === true)),
    environmentVariables: Object.freeze(environmentVariables),
    read(settings: SettingsOf<D>): SettingsReader<D> {
      const optional = <K extends keyof D & string>(name: K) =>
        readOne(provider, name, definitions[name]!, settings[name]) as
          | v.InferOutput<D[K]['schema']>
          | undefined;
      return {
        optional,
        required(name) {
          const value = optional(name);
          if (value !== undefined) return value;
          const variable = definitions[name]!.environmentVariable;
          const where =
            variable === undefined
              ? 'pass it to the factory'
              : `pass it to the factory or set the ${variable} environment variable`;
          throw invalidRequest(name, `${provider} setting \`${name}\` is missing: ${where}.`, provider);
        },
      };
    },
  });
}

function readOne(provider: string, name: string, definition: SettingDefinition, passed: unknown): unknown {
  // An empty setting, e.g. a blank line in a config file, means "use the environment variable" like an absent one.
  const given = passed === '' ? undefined : passed;
  const variable = definition.environmentVariable;
  const fromEnvironment =
    given === undefined && variable !== undefined ? readEnvironmentVariable(variable) : undefined;
  const value = given ?? (fromEnvironment === '' ? undefined : fromEnvironment);
  if (value === undefined || value === '') return undefined;
  const result = v.safeParse(definition.schema, value);
  if (result.success) return result.output;
  // The environment only holds text: a number or a flag written there is read as what it spells.
  const spelled = fromEnvironment === undefined ? undefined : spelledValue(fromEnvironment);
  const retried = spelled === undefined ? undefined : v.safeParse(definition.schema, spelled);
  if (retried?.success) return retried.output;
  // The rule the spelled value broke says more than "expected a number, got a string".
  const issue = retried?.issues[0] ?? result.issues[0];
  // A secret is never repeated in a message that may be logged.
  const shown = definition.secret === true ? 'the value given' : undefined;
  const source =
    fromEnvironment === undefined ? (shown ?? String(given)) : `${variable}="${shown ?? fromEnvironment}"`;
  throw invalidRequest(
    name,
    `${provider} setting \`${name}\` is invalid (${source}): ${shown === undefined ? issue.message : hide(issue.message, value)}.`,
    provider,
  );
}

function spelledValue(spelled: string): number | boolean | undefined {
  // A stray space around a value pasted into the environment is not part of it.
  const text = spelled.trim();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}

/** Valibot's messages quote what they received: a secret's value is cut out of them. */
function hide(message: string, value: unknown): string {
  const text = String(value);
  return text === '' ? message : message.replaceAll(text, '(hidden)');
}

const milliseconds = (name: string, minimum: number) => {
  // The name is in the rule: a host shows the schema's message alone.
  const rule = `${name} must be a whole number of milliseconds of at least ${minimum}`;
  return v.pipe(v.number(rule), v.safeInteger(rule), v.minValue(minimum, rule));
};

/**
 * The two reconciliation settings every provider offers (`RefundProviderV1.reconciliation`), with their
 * environment fallbacks `<PREFIX>_SETTLE_WINDOW_MS` and `<PREFIX>_MAXIMUM_PENDING_MS`; spread them into a
 * provider's declaration. The defaults are the provider's own.
 */
export function reconciliationSettings<const Prefix extends string>(environmentPrefix: Prefix) {
  return {
    /**
     * After a lost answer, how long the provider's status query may still say "does not exist" for a refund it
     * made: "not found" counts as evidence only after this. Falls back to `<PREFIX>_SETTLE_WINDOW_MS`.
     */
    settleWindowMs: {
      schema: milliseconds('settleWindowMs', 0),
      environmentVariable: `${environmentPrefix}_SETTLE_WINDOW_MS` as const,
    },
    /**
     * How long a refund may stay pending before the host hands it to a person. Falls back to
     * `<PREFIX>_MAXIMUM_PENDING_MS`.
     */
    maximumPendingMs: {
      schema: milliseconds('maximumPendingMs', 1),
      environmentVariable: `${environmentPrefix}_MAXIMUM_PENDING_MS` as const,
    },
  } satisfies Definitions;
}
