import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodyBytesOf } from '../../lib/http/media-type.js';
import { jsonBodyText } from '../../lib/http/middlewares/json-body.js';
import { decodeUtf8 } from '../../lib/validation/json-text.js';

/** The rule the shortcut must keep: encode the text body as UTF-8, decode it strictly (BOM dropped). */
function throughBytes(body: string, isBase64Encoded: boolean): string {
  return decodeUtf8(bodyBytesOf(body, isBase64Encoded));
}

/** Any UTF-16 code units, with lone surrogates, byte-order marks and astral pairs made likely. */
const anyText = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)),
    fc.constantFrom('\ufeff', '\ud800', '\udc00', '\ud83d\ude00', '{', '"', 'é'),
  ),
});

describe('the JSON body text', () => {
  it('is what encoding a text body as UTF-8 and decoding it again gives, for any text', () => {
    fc.assert(
      fc.property(anyText, (body) => {
        // Act + Assess
        expect(jsonBodyText(body, false)).toBe(throughBytes(body, false));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a leading byte-order mark is dropped', '\ufeff{"a":1}', '{"a":1}'],
    ['a lone surrogate becomes U+FFFD', '{"a":"\ud800"}', '{"a":"\ufffd"}'],
    ['well-formed text stays as it is', '{"a":"😀 é"}', '{"a":"😀 é"}'],
  ])('%s', (_rule, body, expected) => {
    // Act
    const text = jsonBodyText(body, false);

    // Assess
    expect(text).toBe(expected);
  });

  it('decodes a base64 body from its bytes and refuses bytes that are not UTF-8', () => {
    // Prepare
    const utf8 = Buffer.from('{"a":"é"}', 'utf8').toString('base64');
    const latin1 = Buffer.from('{"a":"é"}', 'latin1').toString('base64');

    // Act + Assess
    expect(jsonBodyText(utf8, true)).toBe('{"a":"é"}');
    expect(() => jsonBodyText(latin1, true)).toThrow('not UTF-8');
  });
});
