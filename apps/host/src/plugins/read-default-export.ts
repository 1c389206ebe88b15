/**
 * The default export of an imported module when it claims to implement `refunds-v1`, or a sentence saying
 * what was found instead, so an operator can tell a wrong package from a wrong version.
 */
export function readDefaultExport(
  specifier: string,
  namespace: unknown,
): { value: Record<string, unknown> } | { problem: string } {
  if (!isRecord(namespace) || !('default' in namespace)) {
    const names = isRecord(namespace) ? Object.keys(namespace) : [];
    const found =
      names.length === 0 ? 'nothing' : names.slice(0, 8).join(', ') + (names.length > 8 ? ', ...' : '');
    return {
      problem: `${specifier} has no default export (it exports ${found}), so it is not a refunds plugin`,
    };
  }
  let value = namespace.default;
  // A package built as CommonJS arrives wrapped once more: `{ default: plugin }`.
  if (isRecord(value) && !('specificationVersion' in value) && isRecord(value.default)) value = value.default;
  if (!isRecord(value)) {
    const found = value === null ? 'null' : typeof value;
    return { problem: `the default export of ${specifier} is ${found}, not a refunds plugin` };
  }
  const version = value.specificationVersion;
  if (version === undefined) {
    return {
      problem: `the default export of ${specifier} has no specificationVersion, so it is not a refunds plugin`,
    };
  }
  if (version !== 'refunds-v1') {
    const found = typeof version === 'string' ? `"${version}"` : typeof version;
    return {
      problem: `${specifier} implements specificationVersion ${found}, but this host supports "refunds-v1"; install a version of it built for refunds-v1`,
    };
  }
  return { value };
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
