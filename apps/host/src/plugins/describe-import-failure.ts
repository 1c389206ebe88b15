/** Why `import(specifier)` failed, phrased as what to do about it. */
export function describeImportFailure(specifier: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const notFound =
    code === 'ERR_MODULE_NOT_FOUND' || /cannot find (package|module)|failed to (load|resolve)/i.test(message);
  // Only when the missing module is the package itself: a missing file or dependency of it (an unbuilt
  // package, a broken install) needs a different fix, so its own message is shown.
  const namesPackage = new RegExp(`${escapeRegExp(specifier)}(?![\\w/.-])`).test(message);
  if (notFound && namesPackage) {
    return `package ${specifier} is not installed where the host can import it; install it (npm install ${specifier})`;
  }
  return `importing ${specifier} failed: ${message}`;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
