/** A stored timestamp back as a Date; pg hands BIGINT columns over as strings. */
export function toDate(stored: number | string | bigint): Date {
  const milliseconds = Number(stored);
  if (!Number.isSafeInteger(milliseconds)) {
    throw new Error(`The ledger holds a timestamp that is not whole milliseconds: ${String(stored)}`);
  }
  return new Date(milliseconds);
}
