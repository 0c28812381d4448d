/**
 * The acceptance scenario of the reconcile task: 200 entries — 3 invalid, 2 repeating an earlier
 * name, 30 naming existing groups (5 of them with other fields), 165 missing — against the
 * simulator with upstream latency, a burst of 429s and the gateway's throttle set to the run's rate.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../../handlers/reconcile.js';
import type { Outcome, ReportEntry, RunReport } from '../../lib/reconcile/report.js';
import { lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { desired, existingFields, maxInAnySecond } from './fixtures.js';

vi.hoisted(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true'; // the handler tests check the metrics
});

const RATE = 50;
/**
 * After a throttled answer the whole run waits out its Retry-After and then probes with one
 * request, so each consecutive 429 costs about a second: 8 keep the test short.
 */
const THROTTLED_CREATES = 8;

interface Expected {
  readonly outcome: Outcome;
  readonly firstIndex?: number;
  readonly fields?: readonly string[];
}

/** Deterministic shuffle (LCG), so a failure can be replayed. */
function shuffle<T>(items: T[], seed = 42): T[] {
  let state = seed;
  const next = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }
  return items;
}

const missingNames = Array.from({ length: 165 }, (_, i) => `pg-new-${String(i).padStart(3, '0')}`);
const sameNames = Array.from({ length: 25 }, (_, i) => `pg-have-${String(i).padStart(2, '0')}`);
const drifts = [
  { name: 'pg-drift-0', seeded: { source_vpc_id: 'vpc-other' }, fields: ['sourceVpcId'] },
  { name: 'pg-drift-1', seeded: { description: 'old text' }, fields: ['description'] },
  { name: 'pg-drift-2', seeded: { description: null }, fields: ['description'] },
  { name: 'pg-drift-3', seeded: { source_vpc_id: '' }, fields: ['sourceVpcId'] },
  {
    name: 'pg-drift-4',
    seeded: { description: 'old text', source_vpc_id: 'vpc-other' },
    fields: ['description', 'sourceVpcId'],
  },
];
const invalidEntries: Record<string, unknown>[] = [
  desired('pg bad name'),
  { ...desired('pg-no-vpc'), sourceVpcId: undefined },
  desired('pg-extra', { projectId: 'never-from-the-caller' }),
];

/** The 200 entries, and the outcome each one must get. */
function buildScenario(): { entries: unknown[]; expected: Expected[] } {
  const pool: { entry: unknown; expected: Expected }[] = [
    ...missingNames.map((name) => ({ entry: desired(name), expected: { outcome: 'created' } })),
    ...sameNames.map((name) => ({ entry: desired(name), expected: { outcome: 'exists' } })),
    ...drifts.map((d) => ({
      entry: desired(d.name),
      expected: { outcome: 'drift', fields: d.fields },
    })),
    ...invalidEntries.map((entry) => ({ entry, expected: { outcome: 'invalid' } })),
  ] as { entry: unknown; expected: Expected }[];
  const ordered = shuffle(pool);
  // Two entries repeat a name seen earlier: one missing group, one existing group.
  const nameAt = (i: number) => (ordered[i]?.entry as { name?: string } | undefined)?.name;
  for (const name of [missingNames[7] as string, sameNames[3] as string]) {
    const at = ordered.findIndex((_, i) => nameAt(i) === name);
    ordered.splice(at + 9, 0, {
      entry: desired(name, { description: 'repeated' }),
      expected: { outcome: 'duplicate' },
    });
  }
  const expected = ordered.map((o, index) =>
    o.expected.outcome === 'duplicate'
      ? { ...o.expected, firstIndex: ordered.findIndex((_, i) => nameAt(i) === nameAt(index)) }
      : o.expected,
  );
  return { entries: ordered.map((o) => o.entry), expected };
}

function namesOfAcceptedCreates(upstream: LocalUpstream): string[] {
  return upstream.sim
    .requests()
    .filter((r) => r.route === 'create' && r.accepted)
    .map((r) => (JSON.parse(r.body) as { server_group: { name: string } }).server_group.name);
}

describe('reconcile: 200 entries against the simulator (latency, 429 burst, gateway throttle)', () => {
  let upstream: LocalUpstream;
  let scenario: ReturnType<typeof buildScenario>;
  let first: RunReport;

  beforeAll(async () => {
    upstream = await startLocalUpstream(
      { rateLimitPerSecond: RATE },
      {
        RECONCILE_RATE_PER_SECOND: String(RATE),
        RECONCILE_CONCURRENCY: '4',
        SDRS_TIMEOUT_MS: '3000',
      },
    );
    for (const name of sameNames) upstream.sim.seedGroup(existingFields(name));
    for (const d of drifts) upstream.sim.seedGroup({ ...existingFields(d.name), ...d.seeded });
    scenario = buildScenario();
  });
  afterAll(async () => {
    await upstream.close();
  });

  it('creates exactly the 165 missing groups and reports every entry', async () => {
    // Prepare
    const { sim } = upstream;
    expect(scenario.entries).toHaveLength(200);
    sim.inject({ route: 'list', kind: 'latency', ms: 300 });
    sim.inject({ route: 'create', kind: 'throttle', retryAfter: 1, times: THROTTLED_CREATES });
    sim.inject({ route: 'create', kind: 'latency', ms: 150, times: 60 });

    // Act
    first = await handler({ protectionGroups: scenario.entries }, lambdaContext(120_000));

    // Assess
    expect(sim.acceptedCreates()).toBe(165);
    expect(namesOfAcceptedCreates(upstream).sort()).toEqual([...missingNames].sort());
    expect(first.complete).toBe(true);
    expect(first.totals).toMatchObject({
      items: 200,
      created: 165,
      exists: 25,
      drift: 5,
      invalid: 3,
      duplicate: 2,
      failed: 0,
      uncertain: 0,
      deferred: 0,
    });
    expect(first.items.map((item) => item.index)).toEqual(scenario.entries.map((_, i) => i));
    first.items.forEach((item: ReportEntry, index) => {
      const want = scenario.expected[index] as Expected;
      expect(item.outcome, `entry ${index}`).toBe(want.outcome);
      if (item.outcome === 'created') expect(item.jobId).toMatch(/^[0-9a-f]{32}$/);
      if (item.outcome === 'duplicate') expect(item.firstIndex).toBe(want.firstIndex);
      if (item.outcome === 'drift') {
        expect(item.differences.map((d) => d.field)).toEqual(want.fields);
      }
      if (item.outcome === 'invalid') {
        expect(item.errors.length).toBeGreaterThan(0);
        for (const error of item.errors) {
          expect(error.pointer.startsWith(`#/protectionGroups/${index}/`)).toBe(true);
        }
      }
    });
  });

  it('counts every upstream request against the rate, which is never exceeded', () => {
    // Prepare
    const requests = upstream.sim.requests();
    const creates = requests.filter((r) => r.route === 'create');

    // Act
    const busiestSecond = maxInAnySecond(requests.map((r) => r.receivedAt));

    // Assess
    expect(first.upstream.requests).toBe(requests.length);
    expect(first.upstream.throttled).toBe(THROTTLED_CREATES);
    expect(creates).toHaveLength(165 + THROTTLED_CREATES);
    expect(requests.filter((r) => r.fault === 'rate-limit')).toHaveLength(0);
    expect(busiestSecond).toBeLessThanOrEqual(RATE);
  });

  it('creates nothing on a second run: every created group now exists', async () => {
    // Prepare
    const { sim } = upstream;
    const before = sim.requests().length;

    // Act
    const second = await handler({ protectionGroups: scenario.entries }, lambdaContext(120_000));

    // Assess
    const requests = sim.requests().slice(before);
    expect(sim.acceptedCreates()).toBe(165);
    expect(requests.every((r) => r.route === 'list')).toBe(true);
    expect(requests.length).toBe(Math.ceil(195 / 50));
    expect(second.complete).toBe(true);
    expect(second.totals).toMatchObject({
      items: 200,
      created: 0,
      exists: 190,
      drift: 5,
      invalid: 3,
      duplicate: 2,
    });
    second.items.forEach((item, index) => {
      const want = (scenario.expected[index] as Expected).outcome;
      expect(item.outcome, `entry ${index}`).toBe(want === 'created' ? 'exists' : want);
    });
  });
});
