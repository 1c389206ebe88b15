/** Data as stored JSON text; NULL for undefined (or anything else JSON cannot hold, like a function). */
export function toJsonText(value: unknown): string | null {
  if (value === undefined) return null;
  return JSON.stringify(value) ?? null;
}
