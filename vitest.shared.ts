// Tests run against the TypeScript sources of sibling packages (the `@refunds/source` export condition),
// so a change in core is seen by provider tests without rebuilding it first.
export const sourceConditions = ['@refunds/source', 'node', 'import', 'module', 'default'];
