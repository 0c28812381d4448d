import { ProblemError } from '../problems/errors.js';

/** The request header that carries the key (lower-case, as after header normalisation). */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const MIN_KEY_LENGTH = 8;
export const MAX_KEY_LENGTH = 255;
/** A guard against keys like `aaaaaaaa` or `00000001`: they collide across retries and callers. */
const MIN_DISTINCT_CHARACTERS = 4;
/**
 * The bare (unquoted) form: visible ASCII without `"`, `\`, `,` and `;`. A comma is what API
 * Gateway joins two header lines with, and `;` starts Structured Field parameters, so a key with
 * either is ambiguous unless quoted.
 */
const BARE_KEY = /^[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]+$/;
/** Inside an sf-string: printable ASCII (space included); `"` and `\` only escaped. */
const SF_STRING_CHARACTER = /^[\x20-\x7e]$/;

/** The `Idempotency-Key` header is malformed or too weak (400 `IDEMPOTENCY_KEY_INVALID`). */
export class IdempotencyKeyInvalidError extends ProblemError {
  constructor(reason: string) {
    const detail = `The Idempotency-Key header ${reason}. Send one key of ${MIN_KEY_LENGTH} to ${MAX_KEY_LENGTH} printable ASCII characters, e.g. a UUID, as "…" or bare.`;
    super('IDEMPOTENCY_KEY_INVALID', 'Invalid Idempotency-Key', { detail });
    this.name = 'IdempotencyKeyInvalidError';
  }
}

/** Reads an RFC 8941 sf-string (`"…"` with `\"` and `\\` escapes); undefined when malformed. */
function parseSfString(text: string): string | undefined {
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text.charAt(i);
    if (char === '\\') {
      const next = text.charAt(++i);
      if (next !== '"' && next !== '\\') return undefined;
      value += next;
    } else if (char === '"') {
      // Anything after the closing quote (parameters, a second member) is not accepted.
      return i === text.length - 1 ? value : undefined;
    } else if (SF_STRING_CHARACTER.test(char)) {
      value += char;
    } else {
      return undefined;
    }
  }
  return undefined; // no closing quote
}

/**
 * Reads the `Idempotency-Key` header value: the draft's sf-string form (`"8e03…"`) or the bare
 * form many clients send (`8e03…`); both name the same key. Returns undefined when the header is
 * absent; throws `IdempotencyKeyInvalidError` when it is present but not a usable key.
 *
 * @example
 * parseIdempotencyKey('"0f8fad5b-d9cb-469f-a165-70867728950e"'); // '0f8fad5b-d9cb-…'
 * parseIdempotencyKey(undefined); // undefined: no key, the request is not deduplicated
 */
export function parseIdempotencyKey(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const text = header.trim();
  let key: string | undefined;
  if (text.startsWith('"')) {
    key = parseSfString(text);
    if (key === undefined) throw new IdempotencyKeyInvalidError('is not one quoted string');
  } else {
    if (!BARE_KEY.test(text)) {
      throw new IdempotencyKeyInvalidError(
        text === ''
          ? 'is empty'
          : 'has characters a bare key cannot have (space, ", \\, comma, semicolon or non-ASCII)',
      );
    }
    key = text;
  }
  if (key.length < MIN_KEY_LENGTH || key.length > MAX_KEY_LENGTH) {
    throw new IdempotencyKeyInvalidError(`is ${key.length} characters long`);
  }
  if (new Set(key).size < MIN_DISTINCT_CHARACTERS) {
    throw new IdempotencyKeyInvalidError('is too easy to guess (too few different characters)');
  }
  return key;
}
