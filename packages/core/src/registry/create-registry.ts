import type {
  CallOptions,
  IgnoredNotification,
  NotificationInput,
  RefundCapabilities,
  RefundLookup,
  RefundNotification,
  RefundProviderV1,
  RefundRequest,
  RefundResult,
} from '../contract/refund-provider-v1';
import { RefundError } from '../errors/refund-error';

/** `provider:account`, e.g. `gatepay:eu`: one provider may serve several merchant accounts. */
export type ProviderAccountId = `${string}:${string}`;

/**
 * The ids the registry accepts: a provider name, a colon, an account name. Exported so a host can check the ids
 * in its config against the same rule before it builds the registry, instead of keeping a copy that may drift.
 */
export const providerAccountIdPattern = /^[a-z0-9-]+:[A-Za-z0-9_.-]+$/;

export interface RefundRegistry<Id extends ProviderAccountId> {
  readonly ids: readonly Id[];
  get(id: Id): RefundProviderV1;
  refund(id: Id, request: RefundRequest, options?: CallOptions): Promise<RefundResult>;
  getRefund(id: Id, lookup: RefundLookup, options?: CallOptions): Promise<RefundResult>;
  verifyNotification(id: Id, input: NotificationInput): Promise<RefundNotification | IgnoredNotification>;
  /** Throws `unsupported` unless the account's provider declares the capability. */
  requireCapability(id: Id, capability: keyof RefundCapabilities): RefundProviderV1;
}

export function createRegistry<const Providers extends Record<ProviderAccountId, RefundProviderV1>>(
  providers: Providers,
): RefundRegistry<keyof Providers & ProviderAccountId> {
  type Id = keyof Providers & ProviderAccountId;
  const ids = Object.keys(providers) as Id[];
  for (const id of ids) {
    if (!providerAccountIdPattern.test(id)) {
      throw new TypeError(`Registry id "${id}" must look like "provider:account", e.g. "gatepay:eu".`);
    }
  }

  const get = (id: Id): RefundProviderV1 => {
    const provider = Object.hasOwn(providers, id) ? providers[id] : undefined;
    if (!provider) {
      throw new RefundError({
        code: 'invalid_request',
        outcome: 'not_sent',
        field: 'account',
        message: `Unknown provider account "${String(id)}". Known accounts: ${ids.join(', ') || '(none)'}.`,
      });
    }
    return provider;
  };

  const requireCapability = (id: Id, capability: keyof RefundCapabilities): RefundProviderV1 => {
    const provider = get(id);
    if (!provider.capabilities[capability]) {
      throw new RefundError({
        code: 'unsupported',
        outcome: 'not_sent',
        provider: provider.provider,
        message: `${provider.provider} (account "${String(id)}") does not support ${capability}.`,
      });
    }
    return provider;
  };

  return {
    ids,
    get,
    requireCapability,
    refund: (id, request, options) => get(id).refund(request, options),
    getRefund: (id, lookup, options) => requireCapability(id, 'statusQuery').getRefund(lookup, options),
    verifyNotification: async (id, input) => {
      const provider = requireCapability(id, 'notifications');
      if (!provider.verifyNotification) {
        throw new RefundError({
          code: 'unsupported',
          outcome: 'not_sent',
          provider: provider.provider,
          message: `${provider.provider} declares notifications but has no verifyNotification.`,
        });
      }
      return provider.verifyNotification(input);
    },
  };
}
