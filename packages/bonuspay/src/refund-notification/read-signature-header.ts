/** The `Sign` / `sign` header, matched case-insensitively as HTTP requires; null when absent. */
export function readSignatureHeader(
  headers: Headers | Record<string, string | string[] | undefined>,
): string | null {
  if (headers instanceof Headers) return headers.get('sign');
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() !== 'sign') continue;
    if (Array.isArray(value)) return value.length === 1 ? (value[0] ?? null) : null;
    return value ?? null;
  }
  return null;
}
