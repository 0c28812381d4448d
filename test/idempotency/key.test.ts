import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey } from '../../lib/idempotency/index.js';

describe('parseIdempotencyKey', () => {
  it('reads no header as no key', () => {
    // Act
    const key = parseIdempotencyKey(undefined);

    // Assess
    expect(key).toBeUndefined();
  });

  it.each([
    [
      'the draft’s quoted form',
      '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    ],
    [
      'the bare form',
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
      '8e03978e-40d5-43e8-bc93-6894a57f9324',
    ],
    ['surrounding whitespace', '  "01HZX3K9Q4W7"  ', '01HZX3K9Q4W7'],
    ['escapes and spaces inside quotes', '"a \\"b\\" \\\\c 123"', 'a "b" \\c 123'],
    ['base64 characters', 'q+/Zb9x=Yw8k', 'q+/Zb9x=Yw8k'],
    [
      '255 characters',
      `"${'0123456789abcdef'.repeat(15)}abcdefghijklmno"`,
      `${'0123456789abcdef'.repeat(15)}abcdefghijklmno`,
    ],
  ])('accepts %s', (_name, header, expected) => {
    // Act
    const key = parseIdempotencyKey(header);

    // Assess
    expect(key).toBe(expected);
  });

  it.each([
    ['an unknown escape', '"abc\\d12345"'],
    ['a control character', '"abc\u0001defgh"'],
    ['text after the closing quote', '"abcdefgh"x'],
    ['a bare quote inside', 'abc"defgh'],
    ['a bare comma', 'abcd,efgh'],
    ['7 characters', '"abcdefg"'],
  ])('refuses %s', (_name, header) => {
    // Act
    const parse = () => parseIdempotencyKey(header);

    // Assess
    expect(parse).toThrow(
      expect.objectContaining({ code: 'IDEMPOTENCY_KEY_INVALID', status: 400 }),
    );
  });
});
