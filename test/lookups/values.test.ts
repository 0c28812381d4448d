import { describe, expect, it } from 'vitest';
import { toActiveDomain } from '../../lib/lookups/active-domains.js';
import { toJob, toJobStatus } from '../../lib/lookups/jobs.js';
import { toProtectionGroup } from '../../lib/lookups/protection-groups.js';
import { countOrNull, isoTimestamp } from '../../lib/lookups/values.js';

describe('isoTimestamp', () => {
  it.each([
    ['2019-05-23 03:51:58.256', '2019-05-23T03:51:58.256Z'],
    ['2019-05-23 03:51:58.2', '2019-05-23T03:51:58.200Z'],
    ['2019-05-23 03:51:58', '2019-05-23T03:51:58.000Z'],
    ['2019-04-01T12:00:00.000Z', '2019-04-01T12:00:00.000Z'],
    ['2019-04-01T12:00:00.123456789Z', '2019-04-01T12:00:00.123Z'],
    ['2019-04-01T14:00:00.000+02:00', '2019-04-01T12:00:00.000Z'],
    ['2019-04-01T14:00:00.000+0200', '2019-04-01T12:00:00.000Z'],
  ])('reads %s as %s', (input, expected) => {
    // Act
    const iso = isoTimestamp(input);

    // Assess
    expect(iso).toBe(expected);
  });

  it.each([[null], [undefined], [''], ['yesterday'], [1_700_000_000_000], ['2019-13-01 00:00:00']])(
    'answers null for %s',
    (input) => {
      // Act
      const iso = isoTimestamp(input);

      // Assess
      expect(iso).toBeNull();
    },
  );
});

describe('countOrNull', () => {
  it.each([
    [3, 3],
    ['7', 7],
    [0, 0],
    [-1, null],
    [1.5, null],
    [null, null],
    ['x', null],
  ])('reads %s as %s', (input, expected) => {
    // Act + Assess
    expect(countOrNull(input)).toBe(expected);
  });
});

describe('toJobStatus', () => {
  it.each([
    ['INIT', 'pending'],
    ['RUNNING', 'running'],
    ['SUCCESS', 'succeeded'],
    ['FAIL', 'failed'],
    ['CANCELLED', 'running'],
    ['success', 'running'],
    [null, 'running'],
    ['constructor', 'running'],
  ])('maps %s to %s', (upstream, expected) => {
    // Act + Assess
    expect(toJobStatus(upstream)).toBe(expected);
  });
});

describe('toJob', () => {
  it('keeps the asked id, and a finishedAt only once the job is finished', () => {
    // Act
    const job = toJob('job-1', {
      status: 'RUNNING',
      job_id: 'other',
      begin_time: '2026-01-01T00:00:00.000Z',
      end_time: '2026-01-01T00:01:00.000Z',
      entities: { server_group_id: '' },
    });

    // Assess
    expect(job).toEqual({
      jobId: 'job-1',
      status: 'running',
      createdAt: '2026-01-01T00:00:00.000Z',
    });
  });

  it('gives a failed job without error code or reason a problem without upstream', () => {
    // Act
    const job = toJob('job-2', { status: 'FAIL', error_code: null, fail_reason: null });

    // Assess
    expect(job.problem).toMatchObject({
      code: 'UPSTREAM_JOB_FAILED',
      detail: 'SDRS could not complete the job and gave no reason.',
    });
    expect(job.problem).not.toHaveProperty('upstream');
  });
});

describe('toProtectionGroup', () => {
  it('fills nulls for what SDRS leaves out and drops a group without id', () => {
    // Act
    const sparse = toProtectionGroup({ id: 'g-1', name: 'n', status: 'available', progress: 150 });
    const noId = toProtectionGroup({ name: 'n' });

    // Assess
    expect(sparse).toMatchObject({
      id: 'g-1',
      progress: null,
      description: null,
      domainName: null,
      createdAt: null,
      protectedInstanceCount: null,
    });
    expect(noId).toBeUndefined();
  });
});

describe('toActiveDomain', () => {
  it('falls back to the id as name and treats a missing sold_out as available', () => {
    // Act
    const domain = toActiveDomain({
      id: 'd-1',
      local_replication_cluster: { availability_zone: 'a' },
      remote_replication_cluster: { availability_zone: 'b' },
    });

    // Assess
    expect(domain).toEqual({
      id: 'd-1',
      name: 'd-1',
      description: null,
      soldOut: false,
      availabilityZones: { source: 'a', target: 'b' },
    });
  });
});
