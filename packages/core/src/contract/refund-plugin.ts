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
  /** `context` carries what the host shares between its instances; an application without a host omits it. */
  create(settings: Settings, context?: PluginContext): RefundProviderV1;
}

/** What a host hands every plugin it creates. */
export interface PluginContext {
  /**
   * A nonce source kept outside this process (in the host's ledger), for providers that require strictly
   * increasing nonces per key: several host processes sharing one key then never send a nonce that is not
   * greater than the last one sent, across restarts and a clock that went back. `scope` names the key
   * without revealing it.
   */
  nonceSource?(scope: string): NonceSource;
}

/** Hands out strictly increasing integers, persisted. */
export interface NonceSource {
  /**
   * A safe integer greater than every value this source handed out before, and at least `floor` (the
   * caller's clock-based value, so nonces stay close to the clock while it moves forward).
   */
  next(floor: number): Promise<number>;
}
