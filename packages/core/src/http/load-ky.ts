import type { KyInstance } from 'ky';

let client: Promise<KyInstance> | undefined;

/**
 * ky configured as the transport uses it: one attempt (the transport decides retries), no timeout (the
 * transport's timers cover the body too), every status returned. ky is loaded at the first call rather than
 * at import: at load it feature-tests `Request`, which makes Node load its whole fetch implementation (undici),
 * the largest part of importing a provider, although an application may import providers it never calls.
 */
export function loadKy(): Promise<KyInstance> {
  client ??= import('ky').then(({ default: ky }) =>
    ky.create({ retry: 0, timeout: false, throwHttpErrors: false }),
  );
  return client;
}
