/** A Date as stored: integer milliseconds. Refuses an invalid Date, which would otherwise be stored as NULL. */
export function toMilliseconds(date: Date, field: string): number {
  const milliseconds = date instanceof Date ? date.getTime() : Number.NaN;
  if (!Number.isSafeInteger(milliseconds)) {
    throw new TypeError(`${field} must be a valid Date`);
  }
  return milliseconds;
}
