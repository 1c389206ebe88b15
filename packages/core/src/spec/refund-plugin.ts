import type { GenericSchema } from 'valibot';
import type { RefundProviderV1 } from './refund-provider-v1';

/** The default export of every provider package: how the host discovers, configures and creates a provider. */
export interface RefundPlugin<Settings extends Record<string, unknown> = Record<string, unknown>> {
  readonly specificationVersion: 'refunds-v1';
  /** The provider name, e.g. `gatepay`. */
  readonly id: string;
  /** Validates the settings the host reads from its config file and the environment. */
  readonly settingsSchema: GenericSchema<unknown, Settings>;
  /** Settings that hold secrets: the host refuses them inline in a config file and redacts them everywhere. */
  readonly secretSettings: readonly (keyof Settings & string)[];
  create(settings: Settings): RefundProviderV1;
}
