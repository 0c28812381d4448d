import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler as getLatestRun } from '../../handlers/get-latest-reconcile-run.js';
import { handler as reconcile } from '../../handlers/reconcile.js';
import type { RunReport } from '../../lib/reconcile/report.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { desired, existingFields } from './fixtures.js';
import { type ReconcileBucket, startReconcileBucket, yamlList } from './s3-support.js';

vi.hoisted(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

const LIST_KEY = 'lists/fleet.yaml';
const FLEET = 500;
const EXISTING = 200;

const latest = (query: Record<string, string> = {}, scopes = ['sdrs-bff/protection-groups.read']) =>
  getLatestRun(
    httpEvent({ path: '/reconcile/runs/latest', query, auth: { sub: 'ops-ui', scopes } }),
    lambdaContext(),
  );

/**
 * The whole loop: a list uploaded to S3 is reconciled on schedule, each run's report lands in the
 * bucket, and a front end reads the latest through the API.
 */
describe('a 500-entry YAML list in S3, reconciled twice, its latest report served', () => {
  let upstream: LocalUpstream;
  let bucket: ReconcileBucket;

  beforeAll(async () => {
    // The rate raised from 10/s (the deployed default) so that 300 creates take ~3 s.
    upstream = await startLocalUpstream(
      {},
      {
        RECONCILE_RATE_PER_SECOND: '100',
        RECONCILE_CONCURRENCY: '8',
        RECONCILE_TIME_RESERVE_MS: '0',
      },
    );
    bucket = await startReconcileBucket();
    process.env.RECONCILE_LIST_KEY = LIST_KEY;
  });
  afterAll(async () => {
    delete process.env.RECONCILE_LIST_KEY;
    await bucket.close();
    await upstream.close();
  });

  it('answers 404 before the list’s first run', async () => {
    // Act
    const answer = await latest();

    // Assess
    expect(answer.statusCode).toBe(404);
    expect(answer.headers['content-type']).toBe('application/problem+json');
    expect(JSON.parse(answer.body ?? '{}')).toMatchObject({
      code: 'NOT_FOUND',
      detail: `No run has reported for the list ${LIST_KEY} yet.`,
    });
  });

  it('creates exactly the missing groups, then nothing; both reports saved, the latest served', async () => {
    // Prepare: 500 entries, the first 200 of which exist already.
    const names = Array.from({ length: FLEET }, (_, i) => `pg-fleet-${String(i).padStart(3, '0')}`);
    for (const name of names.slice(0, EXISTING)) upstream.sim.seedGroup(existingFields(name));
    await bucket.s3.put(LIST_KEY, yamlList(names.map((name) => desired(name))));
    const event = { source: `s3://${bucket.s3.bucket}/${LIST_KEY}` };

    // Act
    const first = (await reconcile(event, lambdaContext(60_000))) as RunReport;
    const createsAfterFirst = upstream.sim.acceptedCreates();
    const second = (await reconcile(event, lambdaContext(60_000))) as RunReport;
    const served = await latest();
    const servedByName = await latest({ list: LIST_KEY });

    // Assess
    expect(first.totals).toMatchObject({
      items: FLEET,
      created: FLEET - EXISTING,
      exists: EXISTING,
    });
    expect(
      first.items.filter((item) => item.outcome === 'created').map((item) => item.name),
    ).toEqual(names.slice(EXISTING));
    expect(createsAfterFirst).toBe(FLEET - EXISTING);
    expect(second.totals).toMatchObject({ items: FLEET, created: 0, exists: FLEET });
    expect(upstream.sim.acceptedCreates()).toBe(FLEET - EXISTING);
    const keys = await bucket.keys(`reports/${LIST_KEY}/`);
    const stem = (report: RunReport) => `reports/${LIST_KEY}/${report.startedAt}-${report.runId}`;
    expect(keys).toEqual(
      [
        `${stem(first)}.json`,
        `${stem(first)}.md`,
        `${stem(second)}.json`,
        `${stem(second)}.md`,
        `reports/${LIST_KEY}/latest.json`,
      ].sort(),
    );
    expect(served.statusCode).toBe(200);
    expect(served.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(served.body ?? '{}')).toEqual(second);
    expect(servedByName.body).toBe(served.body);
  });

  it('answers problem+json for a bad list name, an unknown parameter and a caller without the read scope', async () => {
    // Act
    const badName = await latest({ list: '../../etc passwd' });
    const unknown = await latest({ lst: LIST_KEY });
    const writeOnly = await latest({}, ['sdrs-bff/protection-groups.write']);

    // Assess
    expect(badName.statusCode).toBe(400);
    expect(JSON.parse(badName.body ?? '{}').errors).toEqual([
      expect.objectContaining({ pointer: '#/list' }),
    ]);
    expect(unknown.statusCode).toBe(400);
    expect(writeOnly.statusCode).toBe(403);
  });
});
