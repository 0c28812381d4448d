import { createHash } from 'node:crypto';

/**
 * JSON with every object's keys in code-unit order, at every depth; arrays keep their order.
 * Two values that differ only in key order or whitespace give the same text.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => {
    if (item === null || typeof item !== 'object' || Array.isArray(item)) return item;
    const entries = Object.entries(item as Record<string, unknown>);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries);
  });
}

/**
 * The fingerprint of a request: hex SHA-256 of its canonical JSON. Hash the body as the service
 * understands it (after validation and defaults), so that only a difference in meaning — not in
 * key order or whitespace — counts as a different request.
 *
 * @example
 * fingerprintOf({ a: 1, b: [2] }) === fingerprintOf({ b: [2], a: 1 }); // true
 */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonicalJson(value), 'utf8').digest('hex');
}
