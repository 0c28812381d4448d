import { describe, expect, it } from 'vitest';
import type { WebhookAuth } from '../../lib/webhooks/config-types.js';
import { WebhookAuthenticationError } from '../../lib/webhooks/errors.js';
import {
  checkSignedTimestamp,
  constantTimeEqual,
  verifyDelivery,
} from '../../lib/webhooks/verify.js';
import { hubSignature, standardHeaders } from './support.js';

const OLD = 'whsec_b2xkLXNlY3JldC1vZi1hdC1sZWFzdC0yNC1ieXRlcw==';
const NEW = 'whsec_bmV3LXNlY3JldC1vZi1hdC1sZWFzdC0yNC1ieXRlcw==';
const body = Buffer.from('{"type":"protection_group.requested"}');

function reason(run: () => void): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (error instanceof WebhookAuthenticationError) return error.reason;
    throw error;
  }
}

describe('verifyDelivery', () => {
  const sw: WebhookAuth = { scheme: 'standard-webhooks' };
  const hub: WebhookAuth = { scheme: 'hub-signature', header: 'x-hub-signature-256' };
  const token: WebhookAuth = { scheme: 'shared-token', header: 'authorization', prefix: 'Bearer ' };

  it('accepts a signature by any secret of the source (rotation), in every scheme', () => {
    // Prepare
    const signedNew = standardHeaders(NEW, 'msg_1', body.toString());

    // Act + Assess
    expect(reason(() => verifyDelivery(sw, signedNew, body, [OLD, NEW]))).toBeUndefined();
    expect(reason(() => verifyDelivery(sw, signedNew, body, [OLD]))).toBe('no-matching-signature');
    const headers = { 'x-hub-signature-256': hubSignature('new', body) };
    expect(reason(() => verifyDelivery(hub, headers, body, ['old', 'new']))).toBeUndefined();
    expect(reason(() => verifyDelivery(hub, headers, body, ['old']))).toBe('no-matching-signature');
    const bearer = { authorization: 'Bearer new-token' };
    expect(
      reason(() => verifyDelivery(token, bearer, body, ['old-token', 'new-token'])),
    ).toBeUndefined();
  });

  it('accepts a Standard Webhooks header carrying signatures by an old and a new key', () => {
    // Prepare
    const byOld = standardHeaders(OLD, 'msg_2', body.toString());
    const byNew = standardHeaders(NEW, 'msg_2', body.toString());
    const both = {
      ...byNew,
      'webhook-signature': `${byOld['webhook-signature']} ${byNew['webhook-signature']}`,
    };

    // Act + Assess
    expect(reason(() => verifyDelivery(sw, both, body, [NEW]))).toBeUndefined();
  });

  it('ignores signature versions it does not support', () => {
    // Prepare
    const genuine = standardHeaders(NEW, 'msg_3', body.toString());
    const onlyV1a = {
      ...genuine,
      'webhook-signature': genuine['webhook-signature']?.replace('v1,', 'v1a,') ?? '',
    };

    // Act + Assess
    expect(reason(() => verifyDelivery(sw, onlyV1a, body, [NEW]))).toBe('no-matching-signature');
  });

  it('verifies the exact bytes: re-serialised JSON with other whitespace fails', () => {
    // Prepare
    const headers = { 'x-hub-signature-256': hubSignature('s', body) };
    const reformatted = Buffer.from(JSON.stringify(JSON.parse(body.toString()), null, 2));

    // Act + Assess
    expect(reason(() => verifyDelivery(hub, headers, reformatted, ['s']))).toBe(
      'no-matching-signature',
    );
  });

  it('reports a malformed timestamp', () => {
    // Prepare
    const headers = {
      ...standardHeaders(NEW, 'msg_4', body.toString()),
      'webhook-timestamp': '1e9',
    };

    // Act + Assess
    expect(reason(() => verifyDelivery(sw, headers, body, [NEW]))).toBe('malformed-signature');
  });
});

describe('constantTimeEqual', () => {
  it('compares equal-length buffers and answers false, without throwing, for other lengths', () => {
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abc'))).toBe(true);
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abd'))).toBe(false);
    expect(constantTimeEqual(Buffer.from('abc'), Buffer.from('abcd'))).toBe(false);
  });
});

describe('checkSignedTimestamp', () => {
  const now = Date.UTC(2026, 10, 27, 12, 0, 0);

  it('accepts a payload time within the tolerance, in seconds or milliseconds', () => {
    // Act + Assess
    const ms = { expression: 'timestamp', unit: 'ms', toleranceSeconds: 60 } as const;
    expect(() => checkSignedTimestamp(ms, { timestamp: now - 59_000 }, now)).not.toThrow();
    const s = { expression: 'meta.at', unit: 's', toleranceSeconds: 60 } as const;
    expect(() =>
      checkSignedTimestamp(s, { meta: { at: String(now / 1000 + 30) } }, now),
    ).not.toThrow();
  });

  it('refuses an old, a future or a missing payload time', () => {
    // Prepare
    const spec = { expression: 'timestamp', unit: 'ms', toleranceSeconds: 60 } as const;

    // Act + Assess
    expect(reason(() => checkSignedTimestamp(spec, { timestamp: now - 61_000 }, now))).toBe(
      'stale-timestamp',
    );
    expect(reason(() => checkSignedTimestamp(spec, { timestamp: now + 61_000 }, now))).toBe(
      'stale-timestamp',
    );
    expect(reason(() => checkSignedTimestamp(spec, {}, now))).toBe('malformed-signature');
  });
});
