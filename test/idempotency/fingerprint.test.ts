import { describe, expect, it } from 'vitest';
import { canonicalJson, fingerprintOf } from '../../lib/idempotency/index.js';

describe('fingerprintOf', () => {
  it('ignores key order at every depth', () => {
    // Prepare
    const a = { name: 'pg', nested: { x: 1, y: [{ b: 2, a: 1 }] } };
    const b = { nested: { y: [{ a: 1, b: 2 }], x: 1 }, name: 'pg' };

    // Act
    const [fa, fb] = [fingerprintOf(a), fingerprintOf(b)];

    // Assess
    expect(fa).toBe(fb);
    expect(fa).toMatch(/^[0-9a-f]{64}$/);
    expect(canonicalJson(b)).toBe('{"name":"pg","nested":{"x":1,"y":[{"a":1,"b":2}]}}');
  });

  it.each([
    ['a value', { name: 'pg-1' }, { name: 'pg-2' }],
    ['an extra field', { name: 'pg' }, { name: 'pg', description: '' }],
    ['array order', { list: [1, 2] }, { list: [2, 1] }],
    ['key case', { Name: 'pg' }, { name: 'pg' }],
  ])('tells requests apart that differ in %s', (_name, a, b) => {
    // Act
    const same = fingerprintOf(a) === fingerprintOf(b);

    // Assess
    expect(same).toBe(false);
  });
});
