import * as v from 'valibot';
import { invalidRequest } from '../errors/invalid-request';
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

function readOne(provider: string, name: string, definition: SettingDefinition, given: unknown): unknown {
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
  const source = fromEnvironment === undefined ? String(given) : `${variable}="${fromEnvironment}"`;
  throw invalidRequest(
    name,
    `${provider} setting \`${name}\` is invalid (${source}): ${issue.message}.`,
    provider,
  );
}

function spelledValue(text: string): number | boolean | undefined {
  if (text === 'true') return true;
  if (text === 'false') return false;
  return /^-?\d+(?:\.\d+)?$/.test(text) ? Number(text) : undefined;
}
