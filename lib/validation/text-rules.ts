/**
 * What every string field accepts: any Unicode text except characters that change how text is
 * shown or split rather than what it says. Checked by the `x-text` schema keyword (compiled at
 * build time by scripts/build-validators.ts) and listed in the README.
 */

/**
 * Control characters (C0 with NUL, CR, LF, TAB; DEL; C1), the line and paragraph separators,
 * bidirectional formatting characters (ALM, LRM, RLM, the embeddings and overrides U+202A–U+202E,
 * the isolates U+2066–U+2069) and unpaired UTF-16 surrogates. Used with the `u` flag, under which
 * the surrogate range matches only a surrogate that is not half of a pair.
 */
export const DISALLOWED_IN_TEXT = [
  '\\u0000-\\u001F\\u007F-\\u009F', // C0, DEL, C1
  '\\u2028\\u2029', // line and paragraph separators
  '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069', // bidirectional formatting
  '\\uD800-\\uDFFF', // surrogates: with the `u` flag, only unpaired ones
].join('');

/** `<`, `>` and the characters that look like them (fullwidth, small, angle quotes, brackets). */
export const ANGLE_BRACKETS = [
  '<>\\u02C2\\u02C3\\u1433\\u1438\\u2039\\u203A', // ASCII, modifier letters, syllabics, quotes
  '\\u2329\\u232A\\u276C-\\u2771\\u27E8\\u27E9\\u3008\\u3009', // angle brackets
  '\\uFE64\\uFE65\\uFF1C\\uFF1E', // small and fullwidth forms
].join('');

/** The two `x-text` rules: `plain` text, or plain text that also holds no markup brackets. */
export type TextRule = 'plain' | 'noMarkup';

/** The pattern (for `new RegExp(…, 'u')`) that a string obeying `rule` must match. */
export function textRulePattern(rule: TextRule): string {
  return `^[^${DISALLOWED_IN_TEXT}${rule === 'noMarkup' ? ANGLE_BRACKETS : ''}]*$`;
}

/** The sentence reported (with the field's pointer) when a string breaks `rule`. */
export function textRuleMessage(rule: TextRule): string {
  const base =
    'must not contain control characters (such as NUL, CR or LF), bidirectional formatting characters or unpaired surrogates';
  return rule === 'noMarkup' ? `${base}, nor < or > or a lookalike such as ＜ ＞` : base;
}
