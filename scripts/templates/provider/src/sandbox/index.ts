export { __camel__SandboxDefaults, type __Name__SandboxOptions } from './__name__-sandbox-options';
export { __camel__SandboxPlugin as default } from './__name__-sandbox-plugin';
export { type __Name__Sandbox, create__Name__Sandbox } from './create-__name__-sandbox';
