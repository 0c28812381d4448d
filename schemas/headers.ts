/**
 * Request header schemas. The `Idempotency-Key` pattern states the rule `lib/idempotency/key.ts`
 * enforces (test/idempotency/key-schema.property.test.ts checks that both agree), so a generated
 * client or a validating proxy rejects what the service would answer 400 to.
 */

/** A character of a bare key: visible ASCII without `"`, `\`, `,` and `;`. */
const BARE = String.raw`[\x21\x23-\x2b\x2d-\x3a\x3c-\x5b\x5d-\x7e]`;
/** A character of a quoted key that needs no escape: printable ASCII without `"` and `\`. */
const PLAIN = String.raw`[\x20\x21\x23-\x5b\x5d-\x7e]`;

/**
 * Lookahead: at least four different `char`s follow. Groups `first`…`first + 3` are used. For a
 * quoted key only unescaped characters count, so a key that needs `\"` or `\\` to reach four
 * different characters is refused here though the service takes it: stricter, never looser.
 */
function fourDifferent(char: string, first: number): string {
  const [a, b, c] = [first, first + 1, first + 2].map((group) => `\\${group}`);
  return `(?=.*?(${char}).*?(?!${a})(${char}).*?(?!${a}|${b})(${char}).*?(?!${a}|${b}|${c})${char})`;
}

export const idempotencyKeyHeaderSchema = {
  type: 'string',
  minLength: 8,
  maxLength: 1024,
  pattern: String.raw`^(?:${fourDifferent(BARE, 1)}${BARE}{8,255}|"${fourDifferent(PLAIN, 4)}(?:${PLAIN}|\\["\\]){8,255}")$`,
  examples: ['7c1f4b0e-2a55-4f0b-9d1e-3c7e0f9a2b11'],
} as const;
