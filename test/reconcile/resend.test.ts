import { describe, expect, it } from 'vitest';
import { UpstreamError } from '../../lib/problems/errors.js';
import { type CallKind, runResendRule } from '../../lib/reconcile/run-client.js';
import { resendDelay as ruleDelay } from '../../lib/upstream/resend.js';

const noJitter = () => 0;

/** The run's wait before resending after `attempt`, attempts not limited here. */
const resendDelay = (error: UpstreamError, kind: CallKind, attempt: number, random: () => number) =>
  ruleDelay(error, kind === 'read', attempt, runResendRule(Number.POSITIVE_INFINITY), random);

function answered(
  status: number,
  code: 'UPSTREAM_THROTTLED' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_REJECTED',
  retryAfterSeconds?: number,
) {
  return new UpstreamError(code, `SDRS answered ${status}`, {
    kind: 'answered',
    upstream: { status },
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
  });
}

const broken = (kind: 'timeout' | 'reset' | 'refused' | 'dns') =>
  new UpstreamError(kind === 'timeout' ? 'UPSTREAM_TIMEOUT' : 'UPSTREAM_UNAVAILABLE', kind, {
    kind,
  });

describe('resendDelay (what a run sends again, and after how long)', () => {
  it('waits out the Retry-After of a throttled or unavailable answer, for reads and creates', () => {
    // Prepare
    const throttled = answered(429, 'UPSTREAM_THROTTLED', 3);
    const unavailable = answered(503, 'UPSTREAM_UNAVAILABLE', 2);

    // Act
    const delays = [
      resendDelay(throttled, 'create', 1, noJitter),
      resendDelay(throttled, 'read', 5, noJitter),
      resendDelay(unavailable, 'create', 1, noJitter),
    ];

    // Assess
    expect(delays).toEqual([3000, 3000, 2000]);
  });

  it('resends after backoff when nothing was sent (refused, unresolved name)', () => {
    // Act
    const delays = [1, 2, 3, 10].map((n) => resendDelay(broken('refused'), 'create', n, noJitter));

    // Assess
    expect(delays).toEqual([250, 500, 1000, 5000]);
    expect(resendDelay(broken('dns'), 'create', 1, noJitter)).toBe(250);
  });

  it('never resends a create that timed out or was reset; a read only after a reset', () => {
    // Act
    const outcomes = {
      createTimeout: resendDelay(broken('timeout'), 'create', 1, noJitter),
      createReset: resendDelay(broken('reset'), 'create', 1, noJitter),
      readTimeout: resendDelay(broken('timeout'), 'read', 1, noJitter),
      readReset: resendDelay(broken('reset'), 'read', 1, noJitter),
    };

    // Assess
    expect(outcomes).toEqual({
      createTimeout: undefined,
      createReset: undefined,
      readTimeout: undefined,
      readReset: 250,
    });
  });

  it('does not resend what SDRS refused or failed on', () => {
    // Act
    const rejected = resendDelay(answered(400, 'UPSTREAM_REJECTED'), 'create', 1, noJitter);
    const failed = resendDelay(answered(500, 'UPSTREAM_UNAVAILABLE'), 'create', 1, noJitter);

    // Assess
    expect(rejected).toBeUndefined();
    expect(failed).toBeUndefined();
  });
});
