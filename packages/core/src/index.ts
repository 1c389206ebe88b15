export * from './contract/index';
export * from './crypto/index';
export * from './errors/index';
export * from './http/index';
export * from './money/index';
export * from './redaction/index';
export * from './registry/index';
export * from './settings/index';
