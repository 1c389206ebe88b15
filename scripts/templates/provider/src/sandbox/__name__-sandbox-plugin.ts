import type { RefundSandboxPlugin } from '@refunds/core';
import type { __Name__SandboxOptions } from './__name__-sandbox-options';
import { create__Name__Sandbox } from './create-__name__-sandbox';

/** Lets the host's sandbox mode start __Name__'s simulator without knowing it. */
export const __camel__SandboxPlugin: RefundSandboxPlugin = Object.freeze({
  specificationVersion: 'refunds-v1',
  id: '__name__',
  start: (options?: __Name__SandboxOptions) => create__Name__Sandbox(options),
});
