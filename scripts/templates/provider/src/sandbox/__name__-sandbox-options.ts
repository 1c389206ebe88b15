import type { SandboxStartOptions } from '@refunds/core';

/** What `create__Name__Sandbox` takes. TODO: options of __Name__'s own, such as how refunds settle. */
export type __Name__SandboxOptions = SandboxStartOptions;

export const __camel__SandboxDefaults = {
  /** How long a refund stays PROCESSING before the sandbox settles it. */
  settleAfterMs: 2_000,
  /** How long an executed refund stays invisible to queries. */
  readLagMs: 0,
} as const;
