// Tests run against the TypeScript sources of sibling packages (the `@refunds/source` export condition),
// so a change in core is seen by provider tests without rebuilding it first.
// No 'import' here: Node adds it for ES imports itself, and forcing it onto require() breaks CommonJS packages (pg).
export const sourceConditions = ['@refunds/source', 'node', 'module', 'default'];
