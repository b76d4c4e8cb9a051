/**
 * Normalises a timestamp column to ISO 8601. PostgreSQL returns Date objects; SQLite returns epoch milliseconds
 * or a string, depending on how the value was written.
 */
export function toIsoString(value: Date | string | number): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'number') return new Date(value).toISOString();
  const asNumber = Number(value);
  return new Date(Number.isFinite(asNumber) ? asNumber : value).toISOString();
}
