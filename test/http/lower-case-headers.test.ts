/**
 * Lower-case header names as `@middy/http-header-normalizer` (default options) made them, without
 * a copy when they are lower case already.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  lowerCaseHeaders,
  withLowerCaseNames,
} from '../../lib/http/middlewares/lower-case-headers.js';
import { httpEvent, lambdaContext } from '../support/events.js';

/** What the Middy normalizer did on every request: a new map, names lower-cased, later wins. */
function normalizerOracle(headers: Record<string, string>): Record<string, string> {
  const normalised: Record<string, string> = {};
  for (const key of Object.keys(headers)) normalised[key.toLowerCase()] = headers[key] as string;
  return normalised;
}

const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,12}$/);
const headerMap = fc.dictionary(headerName, fc.string({ maxLength: 8 }), { maxKeys: 8 });

describe('lower-case header names', () => {
  it('match the Middy normalizer for any names, in the same order', () => {
    fc.assert(
      fc.property(headerMap, (headers) => {
        // Act
        const lower = withLowerCaseNames(headers);

        // Assess
        const expected = normalizerOracle(headers);
        expect(lower).toEqual(expected);
        expect(Object.keys(lower)).toEqual(Object.keys(expected));
      }),
    );
  });

  it('keep the map itself when every name is lower case, and never change the original', () => {
    // Prepare
    const lower = { 'content-type': 'application/json', 'idempotency-key': 'k' };
    const mixed = { 'Content-Type': 'application/json', 'content-type': 'text/plain' };

    // Act
    const kept = withLowerCaseNames(lower);
    const rebuilt = withLowerCaseNames(mixed);

    // Assess
    expect(kept).toBe(lower);
    expect(rebuilt).not.toBe(mixed);
    expect(rebuilt).toEqual({ 'content-type': 'text/plain' });
    expect(mixed).toEqual({ 'Content-Type': 'application/json', 'content-type': 'text/plain' });
  });

  it('apply to the event before the route, payload 1.0 multi-value headers included', async () => {
    // Prepare
    const event = httpEvent({ headers: { 'Idempotency-Key': 'k-1', Origin: 'x' } });
    const v1 = Object.assign(event, { multiValueHeaders: { 'X-Many': ['a', 'b'] } });
    const request = { event: v1, context: lambdaContext(), response: undefined, error: undefined };

    // Act
    await lowerCaseHeaders().before?.(request as never);

    // Assess
    expect(v1.headers).toEqual({ 'idempotency-key': 'k-1', origin: 'x' });
    expect(v1.multiValueHeaders).toEqual({ 'x-many': ['a', 'b'] });
  });
});
