/**
 * Plain values ⇄ DynamoDB attribute values, for what this service stores: strings, numbers,
 * booleans, null, lists and maps (JSON-shaped records). Like the SDK's `marshall` with
 * `removeUndefinedValues`: undefined members of a map are left out.
 */

/** A DynamoDB attribute value of the kinds used here. */
export type AttributeValue =
  | { readonly S: string }
  | { readonly N: string }
  | { readonly BOOL: boolean }
  | { readonly NULL: true }
  | { readonly L: readonly AttributeValue[] }
  | { readonly M: Readonly<Record<string, AttributeValue>> };

/** A record as DynamoDB stores it. */
export type AttributeMap = Record<string, AttributeValue>;

/** Raised for a value DynamoDB cannot hold in the kinds above (a function, a bigint, NaN, …). */
export class UnsupportedAttributeError extends Error {
  constructor(kind: string) {
    super(`Cannot store a ${kind} in DynamoDB`);
    this.name = 'UnsupportedAttributeError';
  }
}

/** One value as an attribute value. */
export function toAttribute(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
      if (!Number.isFinite(value)) throw new UnsupportedAttributeError(String(value));
      return { N: String(value) };
    case 'boolean':
      return { BOOL: value };
    case 'object':
      return Array.isArray(value)
        ? { L: value.map((item) => toAttribute(item ?? null)) }
        : { M: toAttributes(value as Record<string, unknown>) };
    default:
      throw new UnsupportedAttributeError(typeof value);
  }
}

/** A record's defined members as attribute values. */
export function toAttributes(record: Readonly<Record<string, unknown>>): AttributeMap {
  const result: AttributeMap = {};
  for (const [key, value] of Object.entries(record)) {
    if (value !== undefined) result[key] = toAttribute(value);
  }
  return result;
}

/** One attribute value as a plain value (numbers as `number`, sets as arrays). */
export function fromAttribute(attribute: unknown): unknown {
  const value = attribute as Record<string, unknown>;
  if ('S' in value) return value.S;
  if ('N' in value) return Number(value.N);
  if ('BOOL' in value) return value.BOOL;
  if ('NULL' in value) return null;
  if ('L' in value) return (value.L as unknown[]).map(fromAttribute);
  if ('M' in value) return fromAttributes(value.M as Record<string, unknown>);
  if ('SS' in value) return value.SS;
  if ('NS' in value) return (value.NS as string[]).map(Number);
  throw new UnsupportedAttributeError(`attribute of type ${Object.keys(value).join(',')}`);
}

/** A stored record as a plain object. */
export function fromAttributes(record: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) result[key] = fromAttribute(value);
  return result;
}
