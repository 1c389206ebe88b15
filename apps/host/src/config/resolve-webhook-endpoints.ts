import { readFile } from 'node:fs/promises';
import type { WebhookEventType } from '../ledger/ledger';
import { resolveSecret } from '../plugins/resolve-secret';
import type { HostConfig } from './host-config';
import { HostConfigError, type HostConfigProblem } from './host-config-error';

/** A webhook endpoint ready to post to: its secret read. */
export interface WebhookEndpoint {
  id: string;
  url: string;
  /** `whsec_<base64>`: what `standardwebhooks` takes. */
  secret: string;
  events: readonly WebhookEventType[] | undefined;
}

export interface ResolveWebhookEndpointsOptions {
  environment: Readonly<Record<string, string | undefined>>;
  readFile?: (path: string) => Promise<string>;
}

const secretShape = /^whsec_([A-Za-z0-9+/]+={0,2})$/;

/** The Standard Webhooks specification's bounds for a signing secret. */
const minimumSecretBytes = 24;
const maximumSecretBytes = 64;

function secretProblem(secret: string): string | undefined {
  const match = secretShape.exec(secret);
  const bytes = match?.[1] === undefined ? 0 : Buffer.from(match[1], 'base64').length;
  if (match === null || bytes < minimumSecretBytes || bytes > maximumSecretBytes) {
    return (
      `must be "whsec_" followed by the base64 of ${minimumSecretBytes} to ${maximumSecretBytes} random bytes ` +
      `(e.g. from: node -e "console.log('whsec_' + crypto.randomBytes(32).toString('base64'))")`
    );
  }
  return undefined;
}

/**
 * The config's webhook endpoints with their secrets read from the environment or files. Refuses to start (one
 * `HostConfigError` listing every problem, naming the endpoint and field, never a secret) on a secret that is
 * missing or not a Standard Webhooks secret.
 */
export async function resolveWebhookEndpoints(
  config: HostConfig,
  options: ResolveWebhookEndpointsOptions,
): Promise<WebhookEndpoint[]> {
  const problems: HostConfigProblem[] = [];
  const endpoints: WebhookEndpoint[] = [];
  for (const [index, endpoint] of (config.webhooks?.endpoints ?? []).entries()) {
    const field = `webhooks.endpoints.${index}.secret`;
    const resolved = await resolveSecret(endpoint.secret, {
      accountId: endpoint.id,
      settingName: 'secret',
      environment: options.environment,
      readFile: options.readFile ?? ((path) => readFile(path, 'utf8')),
    });
    if ('problem' in resolved) {
      problems.push({ field, message: `webhook endpoint ${endpoint.id}: ${resolved.where}` });
      continue;
    }
    const problem = secretProblem(resolved.value.trim());
    if (problem !== undefined) {
      problems.push({ field, message: `webhook endpoint ${endpoint.id}: the secret ${problem}` });
      continue;
    }
    endpoints.push({
      id: endpoint.id,
      url: endpoint.url,
      secret: resolved.value.trim(),
      events: endpoint.events,
    });
  }
  if (problems.length > 0) throw new HostConfigError(problems);
  return endpoints;
}
