import { providerAccountIdPattern } from '@refunds/core';
import * as v from 'valibot';
import { type WebhookEventType, webhookEventTypes } from '../ledger/ledger';
import { compileOrderIdPattern } from '../routing/compile-order-id-pattern';
import { isSafeOrderIdPattern, unsafeOrderIdPatternReason } from '../routing/is-safe-order-id-pattern';
import type { RouteRule } from '../routing/route-rule';
import { describeUnknownRouteAccount, findUnknownRouteAccounts } from './find-unknown-route-accounts';

/** Where a secret setting is read from when the host starts. The value itself never sits in the config. */
export type SecretReference = { env: string } | { file: string };

export interface AccountConfig {
  /** The provider package, imported by name, e.g. `@refunds/gatepay`. */
  package: string;
  /** Plain settings. A setting the plugin declares secret is refused here: it belongs in `secrets`. */
  settings?: Record<string, unknown>;
  /** Settings read from environment variables or files at start-up. */
  secrets?: Record<string, SecretReference>;
  /** This account's reconciliation timing, over the provider's own defaults (`provider.reconciliation`). */
  reconciliation?: AccountReconciliation;
}

/** Both in milliseconds; each one left out keeps the provider's default. */
export interface AccountReconciliation {
  /**
   * After an unknown outcome, how long after the last send a "not found" starts to count as evidence: raise
   * it for an account whose provider's read side is seen to lag its writes longer than the provider's default.
   */
  settleWindowMs?: number;
  /** How long a refund may stay pending before it is handed to a person. */
  maximumPendingMs?: number;
}

export type { RouteRule } from '../routing/route-rule';

/** A named API key: its secret from the environment or a file, like every secret; its name is the actor. */
export interface ApiKeyConfig {
  name: string;
  role: 'service' | 'operator' | 'viewer';
  secret: SecretReference;
}

/** One receiver of the host's signed webhooks (Standard Webhooks). */
export interface WebhookEndpointConfig {
  /** Names the endpoint in deliveries, metrics and logs. */
  id: string;
  /** http:// or https://, without user name or password. Redirects are not followed. */
  url: string;
  /** `whsec_<base64>`, from the environment or a file. */
  secret: SecretReference;
  /** Left out: every event type. */
  events?: WebhookEventType[];
}

export interface WebhooksConfig {
  endpoints: WebhookEndpointConfig[];
  /** How long one attempt may take. Default 10 s. */
  timeoutMs?: number;
  /** How long after its event a delivery is retried before it is abandoned. Default 3 days. */
  giveUpAfterMs?: number;
}

export interface HostConfig {
  /** Keyed by `provider:account` id, e.g. `gatepay:main`. */
  accounts: Record<string, AccountConfig>;
  routes: RouteRule[];
  /** Named keys with roles, besides those of `REFUNDS_API_KEYS` (which may do everything). */
  apiKeys?: ApiKeyConfig[];
  /** Signed webhooks to the merchant's application when a refund changes. */
  webhooks?: WebhooksConfig;
}

const packageNamePattern = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;
const environmentVariablePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;
const currencyPattern = /^[A-Za-z0-9]+$/;

// Messages are written out everywhere instead of valibot's defaults, which quote the received value: a secret
// pasted in the wrong place must not end up in a start-up error and from there in a log.
function objectMessage(what: string, keys: readonly string[]) {
  return (issue: v.BaseIssue<unknown>): string => {
    if (issue.expected === 'never') {
      const allowed = keys.map((key) => `"${key}"`).join(', ');
      return `unknown key "${String(issue.input)}"; ${what} takes only ${allowed}`;
    }
    if (issue.path?.at(-1)?.origin === 'key' && issue.input === undefined) return 'is required';
    return `${what} must be an object`;
  };
}

const secretReferenceMessage =
  'must be { "env": "VARIABLE_NAME" } or { "file": "/path/to/secret" }; the secret value itself never goes in the config file';

const secretReferenceSchema = v.union(
  [
    v.strictObject({
      env: v.pipe(
        v.string(secretReferenceMessage),
        v.regex(
          environmentVariablePattern,
          'must be an environment variable name such as GATEPAY_SECRET_KEY',
        ),
      ),
    }),
    v.strictObject({
      file: v.pipe(v.string(secretReferenceMessage), v.nonEmpty('must be the path of a file')),
    }),
  ],
  secretReferenceMessage,
);

const positiveMillisecondsMessage = 'must be a positive whole number of milliseconds';
// One check, so that -1.5 is one problem, not two.
const positiveMillisecondsSchema = v.pipe(
  v.number(positiveMillisecondsMessage),
  v.check((value) => Number.isSafeInteger(value) && value > 0, positiveMillisecondsMessage),
);

const reconciliationSchema = v.strictObject(
  {
    settleWindowMs: v.optional(positiveMillisecondsSchema),
    maximumPendingMs: v.optional(positiveMillisecondsSchema),
  },
  objectMessage('reconciliation', ['settleWindowMs', 'maximumPendingMs']),
);

const accountSchema = v.strictObject(
  {
    package: v.pipe(
      v.string('must be a package name such as "@refunds/gatepay"'),
      v.regex(packageNamePattern, 'must be a package name such as "@refunds/gatepay"'),
    ),
    settings: v.optional(v.record(v.string(), v.unknown(), 'must be an object of settings')),
    secrets: v.optional(
      v.record(
        v.string(),
        secretReferenceSchema,
        'must be an object such as { "secretKey": { "env": "GATEPAY_SECRET_KEY" } }',
      ),
    ),
    reconciliation: v.optional(reconciliationSchema),
  },
  objectMessage('an account', ['package', 'settings', 'secrets', 'reconciliation']),
);

const currencyMessage = 'must be a currency code such as "USDT", or a list of them';
const currencySchema = v.pipe(v.string(currencyMessage), v.regex(currencyPattern, currencyMessage));

function isValidPattern(pattern: string): boolean {
  try {
    compileOrderIdPattern(pattern);
    return true;
  } catch {
    return false;
  }
}

function describeInvalidPattern(issue: v.BaseIssue<unknown>): string {
  try {
    compileOrderIdPattern(String(issue.input));
  } catch (error) {
    // V8 writes "Invalid regular expression: /<pattern>/: <reason>"; the reason is the part worth reading.
    const message = error instanceof Error ? error.message : String(error);
    return `is not a valid regular expression (${message.slice(message.lastIndexOf(': ') + 2)})`;
  }
  return 'is not a valid regular expression';
}

const routeSchema = v.strictObject(
  {
    account: v.pipe(
      v.string('must name an account such as "gatepay:main"'),
      v.regex(providerAccountIdPattern, 'must name an account such as "gatepay:main"'),
    ),
    currency: v.optional(
      v.union(
        [currencySchema, v.pipe(v.array(currencySchema, currencyMessage), v.nonEmpty(currencyMessage))],
        currencyMessage,
      ),
    ),
    orderIdPattern: v.optional(
      v.pipe(
        v.string('must be a regular expression written as a string'),
        v.nonEmpty('must not be empty; leave it out to match every order'),
        v.check(isValidPattern, describeInvalidPattern),
        // An invalid pattern is reported once, by the check above.
        v.check(
          (pattern) => !isValidPattern(pattern) || isSafeOrderIdPattern(pattern),
          unsafeOrderIdPatternReason,
        ),
      ),
    ),
  },
  objectMessage('a route', ['account', 'currency', 'orderIdPattern']),
);

const apiKeyNameMessage =
  'must be a name such as "ops-alice": letters, digits, ".", "_" and "-", at most 64 characters';

const apiKeySchema = v.strictObject(
  {
    name: v.pipe(v.string(apiKeyNameMessage), v.regex(/^[A-Za-z0-9._-]{1,64}$/, apiKeyNameMessage)),
    role: v.picklist(['service', 'operator', 'viewer'], 'must be "service", "operator" or "viewer"'),
    secret: secretReferenceSchema,
  },
  objectMessage('an API key', ['name', 'role', 'secret']),
);

const endpointIdMessage =
  'must be a name such as "shop": letters, digits, ".", "_" and "-", at most 64 characters';

function webhookUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'must be an absolute URL such as "https://shop.example/hooks/refunds"';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an http:// or https:// URL';
  // A password in the URL would be sent, logged and shown wherever the URL is.
  if (url.username !== '' || url.password !== '') {
    return 'must not hold a user name or password; the signature tells the receiver who is calling';
  }
  return undefined;
}

const webhookEndpointSchema = v.strictObject(
  {
    id: v.pipe(v.string(endpointIdMessage), v.regex(/^[A-Za-z0-9._-]{1,64}$/, endpointIdMessage)),
    url: v.pipe(
      v.string('must be an http:// or https:// URL'),
      v.check(
        (url) => webhookUrlProblem(url) === undefined,
        (issue) => webhookUrlProblem(String(issue.input)) ?? 'is not a valid URL',
      ),
    ),
    secret: secretReferenceSchema,
    events: v.optional(
      v.pipe(
        v.array(
          v.picklist(
            webhookEventTypes,
            `must be one of ${webhookEventTypes.map((type) => `"${type}"`).join(', ')}`,
          ),
          'must be a list of event types',
        ),
        v.nonEmpty('must list at least one event type; leave it out for every type'),
      ),
    ),
  },
  objectMessage('a webhook endpoint', ['id', 'url', 'secret', 'events']),
);

const webhooksSchema = v.strictObject(
  {
    endpoints: v.pipe(
      v.array(webhookEndpointSchema, 'must be a list of endpoints'),
      v.check(
        (endpoints) => new Set(endpoints.map((endpoint) => endpoint.id)).size === endpoints.length,
        'must not name two endpoints alike: the id is what deliveries record',
      ),
    ),
    timeoutMs: v.optional(positiveMillisecondsSchema),
    giveUpAfterMs: v.optional(positiveMillisecondsSchema),
  },
  objectMessage('webhooks', ['endpoints', 'timeoutMs', 'giveUpAfterMs']),
);

/**
 * Validates a parsed `refunds.config.*`. Strict: an unknown key is an error naming it, because a misspelt
 * key silently ignored could leave an account configured differently from what its operator believes.
 */
export const hostConfigSchema: v.GenericSchema<unknown, HostConfig> = v.pipe(
  v.strictObject(
    {
      accounts: v.record(
        v.pipe(
          v.string(),
          v.regex(
            // Core's registry holds the accounts: the config accepts exactly the ids it will.
            providerAccountIdPattern,
            (issue) =>
              `account id "${String(issue.input)}" must look like "provider:account", e.g. "gatepay:main"`,
          ),
        ),
        accountSchema,
        'must be an object mapping "provider:account" ids to accounts',
      ),
      routes: v.optional(v.array(routeSchema, 'must be a list of routes'), []),
      webhooks: v.optional(webhooksSchema),
      apiKeys: v.optional(
        v.pipe(
          v.array(apiKeySchema, 'must be a list of API keys'),
          v.check(
            (keys) => new Set(keys.map((key) => key.name)).size === keys.length,
            'must not name two keys alike: the name is what the ledger records',
          ),
        ),
      ),
    },
    objectMessage('the config', ['accounts', 'routes', 'apiKeys', 'webhooks']),
  ),
  v.rawCheck(({ dataset, addIssue }) => {
    if (!dataset.typed) return;
    const config = dataset.value;
    for (const unknown of findUnknownRouteAccounts(config)) {
      const route = config.routes[unknown.routeIndex];
      addIssue({
        message: describeUnknownRouteAccount(unknown),
        path: [
          { type: 'object', origin: 'value', input: config, key: 'routes', value: config.routes },
          { type: 'array', origin: 'value', input: config.routes, key: unknown.routeIndex, value: route },
          { type: 'object', origin: 'value', input: route ?? {}, key: 'account', value: unknown.account },
        ],
      });
    }
  }),
);
