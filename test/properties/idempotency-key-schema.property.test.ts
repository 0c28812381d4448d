/**
 * The document's `Idempotency-Key` schema and the service's key parser agree: the schema never
 * admits a key the service refuses, and (escapes aside, see schemas/headers.ts) refuses none it
 * takes. A client or proxy that validates against the document then sees no surprise 400.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIdempotencyKey } from '../../lib/idempotency/key.js';
import { idempotencyKeyHeaderSchema } from '../../schemas/headers.js';

const schemaAccepts = new Ajv2020({ strict: false }).compile(idempotencyKeyHeaderSchema);

function serviceAccepts(value: string): boolean {
  try {
    return parseIdempotencyKey(value) !== undefined;
  } catch {
    return false;
  }
}

/** Few distinct characters (so the four-different rule bites), the separators and any ASCII. */
const unit = fc.oneof(
  fc.constantFrom('a', 'b', 'c', 'd', '1', '-', ' ', '"', '\\', ',', ';', 'é'),
  fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 1 }),
);
const key = fc.oneof(
  fc.string({ unit, minLength: 0, maxLength: 20 }),
  fc.string({ unit, minLength: 250, maxLength: 260 }),
  fc.uuid(),
);
const header = fc.oneof(
  key,
  key.map((k) => `"${k}"`),
  fc.uuid().map((k) => `"${k}"`),
);

describe('Idempotency-Key: the schema states the service’s rule', () => {
  it('admits no key the service refuses', () => {
    fc.assert(
      fc.property(header, (value) => {
        if (schemaAccepts(value)) expect(serviceAccepts(value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses no key without escapes that the service takes', () => {
    fc.assert(
      fc.property(header, (value) => {
        fc.pre(!value.includes('\\') && value === value.trim());
        if (serviceAccepts(value)) expect(schemaAccepts(value)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a'.repeat(256), false],
    ['aaaaaaaaaa', false],
    ['abcd1234,abcd1235', false],
    ['7c1f4b0e-2a55-4f0b-9d1e-3c7e0f9a2b11', true],
    ['"7c1f4b0e 2a55"', true],
  ])('%s → %s, as the service says', (value, expected) => {
    // Assess
    expect(schemaAccepts(value)).toBe(expected);
    expect(serviceAccepts(value)).toBe(expected);
  });
});
