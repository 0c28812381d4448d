import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { validateCreateProtectionGroup } from '../../lib/validation/validators.js';
import { createRequestBody } from '../support/create-body.js';

const validBody = createRequestBody({ name: 'pg-text-01' });

/** An independent statement of the rule, code unit by code unit (README: "What string fields accept"). */
function breaksTextRule(text: string, markup: boolean): boolean {
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    const high = unit >= 0xd800 && unit <= 0xdbff;
    const low = unit >= 0xdc00 && unit <= 0xdfff;
    if (high) {
      const next = text.charCodeAt(index + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return true;
      index++; // a pair: one astral character, always allowed
      continue;
    }
    if (low) return true;
    if (unit <= 0x1f || (unit >= 0x7f && unit <= 0x9f) || unit === 0x2028 || unit === 0x2029) {
      return true;
    }
    if ([0x061c, 0x200e, 0x200f].includes(unit)) return true;
    if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069)) return true;
    if (
      markup &&
      '<>\u02c2\u02c3\u1433\u1438\u2039\u203a\u2329\u232a\u27e8\u27e9\u3008\u3009\ufe64\ufe65\uff1c\uff1e'.includes(
        text[index] ?? '',
      )
    ) {
      return true;
    }
    if (markup && unit >= 0x276c && unit <= 0x2771) return true;
  }
  return false;
}

/** Any UTF-16 code units, lone surrogates and every control character included. */
const anyUnits = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    fc.constantFrom('\u202e', '\u2066', '\ud800', '\udc00', '\ud83d\ude00', '＜', '\u0000', '\r'),
  ),
  minLength: 1,
  maxLength: 20,
});

describe('x-text: what string fields accept', () => {
  it.each([
    ['domainId', false],
    ['description', true],
  ] as const)('refuses %s for its characters exactly when one breaks the rule', (field, markup) => {
    fc.assert(
      fc.property(anyUnits, (text) => {
        // Act
        const valid = validateCreateProtectionGroup({ ...validBody, [field]: text });
        const reported =
          !valid &&
          (validateCreateProtectionGroup.errors ?? []).some((error) => error.keyword === 'x-text');

        // Assess
        expect(reported).toBe(breaksTextRule(text, markup));
      }),
      { numRuns: 3_000 },
    );
  });
});
