/**
 * Defensive readers for upstream JSON: SDRS documents most fields as required, yet its examples
 * show `null` for many of them, so every field is read as "this type, or null".
 */

/** The value when it is a string, else `null`. */
export function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

/** The value when it is a non-empty string, else `undefined`. */
export function nonEmptyString(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The value when it is an integer ≥ 0 (a numeric string counts), else `null`. */
export function countOrNull(value: unknown): number | null {
  const number = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isSafeInteger(number) && number >= 0 ? number : null;
}

/** A plain object, or `undefined`. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * An SDRS timestamp as ISO 8601 UTC (`2019-05-23T03:51:58.256Z`), or `null` when absent or
 * unreadable. SDRS writes both `yyyy-MM-dd HH:mm:ss.SSS` (docs) and `yyyy-MM-ddTHH:mm:ss.SSSZ`
 * (SDK comments). A time without an offset is read as UTC: SDRS does not say which zone it means,
 * so that is this service's choice (its job times, which do carry one, are in UTC).
 */
export function isoTimestamp(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const match = TIMESTAMP.exec(value.trim());
  if (!match) return null;
  const [, date, time, fraction = '', zone = 'Z'] = match;
  const millis = fraction.slice(0, 4).padEnd(fraction === '' ? 0 : 4, '0');
  const offset = zone === 'Z' || zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const parsed = Date.parse(`${date}T${time}${millis}${offset}`);
  return Number.isNaN(parsed) ? null : new Date(parsed).toISOString();
}
