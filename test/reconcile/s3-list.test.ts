import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../handlers/reconcile.js';
import { ProblemError } from '../../lib/problems/errors.js';
import type { RunReport } from '../../lib/reconcile/report.js';
import { resetS3Client, s3Client } from '../../lib/reconcile/store/dependencies.js';
import { lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { desired, existingFields } from './fixtures.js';
import { type ReconcileBucket, startReconcileBucket, yamlList } from './s3-support.js';

vi.hoisted(() => {
  process.env.POWERTOOLS_METRICS_DISABLED = 'true';
});

async function invoke(event: unknown): Promise<RunReport | Error> {
  try {
    return await handler(event, lambdaContext(60_000));
  } catch (error) {
    return error as Error;
  }
}

/** The one report a list's folder holds besides latest.json, parsed. */
async function savedReports(bucket: ReconcileBucket, listKey: string) {
  const keys = await bucket.keys(`reports/${listKey}/`);
  const reports = keys.filter((key) => key.endsWith('.json') && !key.endsWith('/latest.json'));
  return Promise.all(reports.map(async (key) => JSON.parse(await bucket.text(key)) as RunReport));
}

describe('reconcile over a desired list in S3', () => {
  let upstream: LocalUpstream;
  let bucket: ReconcileBucket;
  const source = (key: string) => `s3://${bucket.s3.bucket}/${key}`;

  beforeAll(async () => {
    upstream = await startLocalUpstream(
      {},
      { SDRS_TIMEOUT_MS: '1000', RECONCILE_RATE_PER_SECOND: '50', RECONCILE_TIME_RESERVE_MS: '0' },
    );
    bucket = await startReconcileBucket();
  });
  beforeEach(() => {
    upstream.sim.reset();
  });
  afterAll(async () => {
    await bucket.close();
    await upstream.close();
  });

  it('reads a YAML list (shared fields merged from an x- key), creates what is missing and saves the report', async () => {
    // Prepare
    upstream.sim.seedGroup(existingFields('pg-yaml-have'));
    const shared = desired('x');
    const text = [
      'dryRun: false',
      'x-shared: &shared',
      ...Object.entries(shared)
        .filter(([key]) => key !== 'name' && key !== 'description')
        .map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`),
      'protectionGroups:',
      '  - <<: *shared',
      '    name: pg-yaml-have',
      '    description: desired pg-yaml-have',
      '  - <<: *shared',
      '    name: pg-yaml-new',
      '    description: desired pg-yaml-new',
    ].join('\n');
    await bucket.s3.put('lists/team-a.yaml', text);

    // Act
    const report = await invoke({ source: source('lists/team-a.yaml') });

    // Assess
    expect(report).toMatchObject({
      list: { source: source('lists/team-a.yaml'), format: 'yaml', bytes: Buffer.byteLength(text) },
      complete: true,
      totals: { items: 2, exists: 1, created: 1 },
    });
    expect(upstream.sim.acceptedCreates()).toBe(1);
    const keys = await bucket.keys('reports/lists/team-a.yaml/');
    const runId = (report as RunReport).runId;
    const stem = `reports/lists/team-a.yaml/${(report as RunReport).startedAt}-${runId}`;
    expect(keys).toEqual([`${stem}.json`, `${stem}.md`, 'reports/lists/team-a.yaml/latest.json']);
    expect(JSON.parse(await bucket.text(`${stem}.json`))).toEqual(report);
    expect(await bucket.text('reports/lists/team-a.yaml/latest.json')).toBe(
      await bucket.text(`${stem}.json`),
    );
    const summary = await bucket.text(`${stem}.md`);
    expect(summary).toContain(`# Reconcile run ${runId}`);
    expect(summary).toContain('| created | 1 |');
  });

  it('reads a JSON list, and the version the pointer names', async () => {
    // Prepare: s3rver keeps no versions, so what proves the version is what the client sends.
    await bucket.s3.put(
      'lists/team-b.json',
      JSON.stringify({ protectionGroups: [desired('pg-j')] }),
    );
    const sentVersions: Array<string | undefined> = [];
    s3Client().middlewareStack.add(
      (next) => async (args) => {
        const query = (args.request as { query?: Record<string, string> }).query;
        if (query && 'versionId' in query) sentVersions.push(query.versionId);
        return next(args);
      },
      { step: 'finalizeRequest', name: 'recordVersionId' },
    );

    // Act
    const report = await invoke({ source: source('lists/team-b.json'), versionId: 'v-2026-12-01' });

    // Assess
    resetS3Client();
    expect(sentVersions).toEqual(['v-2026-12-01']);
    expect(report).toMatchObject({
      list: { source: source('lists/team-b.json'), versionId: 'v-2026-12-01', format: 'json' },
      totals: { created: 1 },
    });
  });

  it('reports a missing list, saves that report, and fails the invocation', async () => {
    // Act
    const error = await invoke({ source: source('lists/nobody-uploaded.yaml') });

    // Assess
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({ code: 'DESIRED_LIST_NOT_FOUND', status: 404 });
    expect(upstream.sim.requests()).toEqual([]);
    const [saved] = await savedReports(bucket, 'lists/nobody-uploaded.yaml');
    expect(saved).toMatchObject({
      list: { source: source('lists/nobody-uploaded.yaml') },
      complete: false,
      totals: { items: 0 },
      problem: { code: 'DESIRED_LIST_NOT_FOUND', retryable: false },
    });
    expect(saved?.problem?.detail).toContain('lists/nobody-uploaded.yaml');
  });

  it('reports a list S3 refuses to hand over as S3_ACCESS_DENIED', async () => {
    // Prepare: a key id the local S3 does not know gets 403, as a role without the grant would.
    await bucket.s3.put('lists/secret.yaml', yamlList([desired('pg-s')]));
    const keyId = process.env.AWS_ACCESS_KEY_ID;
    process.env.AWS_ACCESS_KEY_ID = 'a-stranger';
    resetS3Client();

    // Act
    const error = await invoke({ source: source('lists/secret.yaml') });

    // Assess
    process.env.AWS_ACCESS_KEY_ID = keyId ?? '';
    resetS3Client();
    expect(error).toMatchObject({ code: 'S3_ACCESS_DENIED', status: 502 });
    expect((error as ProblemError).detail).toMatch(/403 InvalidAccessKeyId.*lists\/secret\.yaml/);
    expect(upstream.sim.requests()).toEqual([]);
  });

  it('reports malformed YAML, an oversized list and bad entries with pointers, never a crash', async () => {
    // Prepare
    await bucket.s3.put('lists/broken.yaml', 'protectionGroups:\n  - name: a\n   bad: indent\n');
    await bucket.s3.put(
      'lists/mixed.yaml',
      yamlList([desired('pg-ok'), desired('pg bad name'), desired('pg-ok')]),
    );
    process.env.RECONCILE_MAX_LIST_BYTES = '1024';
    await bucket.s3.put(
      'lists/large.yaml',
      yamlList(Array.from({ length: 8 }, (_, i) => desired(`pg-l-${i}`))),
    );

    // Act
    const broken = await invoke({ source: source('lists/broken.yaml') });
    const large = await invoke({ source: source('lists/large.yaml') });
    delete process.env.RECONCILE_MAX_LIST_BYTES;
    const mixed = await invoke({ source: source('lists/mixed.yaml') });

    // Assess
    expect(broken).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ pointer: '#', detail: expect.stringMatching(/^is not valid YAML: .*line 3/) }],
    });
    expect(large).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      errors: [{ pointer: '#', detail: expect.stringContaining('RECONCILE_MAX_LIST_BYTES') }],
    });
    const [savedBroken] = await savedReports(bucket, 'lists/broken.yaml');
    expect(savedBroken?.problem).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [{ pointer: '#' }],
    });
    expect(mixed).toMatchObject({
      complete: true,
      totals: { created: 1, invalid: 1, duplicate: 1 },
      items: [
        { index: 0, outcome: 'created' },
        { index: 1, outcome: 'invalid', errors: [{ pointer: '#/protectionGroups/1/name' }] },
        { index: 2, outcome: 'duplicate', firstIndex: 0 },
      ],
    });
  });

  it('rejects a malformed pointer (and the schedule’s own event) with pointers', async () => {
    // Act
    const error = await invoke({ source: 'https://example.com/list.yaml', versionId: 3 });
    const eventBridge = await invoke({ source: 'aws.events', 'detail-type': 'Scheduled Event' });

    // Assess
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      errors: [
        { pointer: '#/source', detail: 'must be an S3 URI: s3://bucket/key' },
        { pointer: '#/versionId', detail: expect.any(String) },
      ],
    });
    expect(eventBridge).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((eventBridge as ProblemError).errors?.map((e) => e.pointer)).toEqual([
      '#/detail-type',
      '#/source',
    ]);
  });

  it('fails the invocation as retryable when S3 cannot be reached', async () => {
    // Prepare
    const endpoint = process.env.AWS_ENDPOINT_URL_S3;
    process.env.AWS_ENDPOINT_URL_S3 = 'http://127.0.0.1:9'; // discard port: nothing listens
    resetS3Client();

    // Act
    const error = await invoke({ source: source('lists/team-a.yaml') });

    // Assess
    process.env.AWS_ENDPOINT_URL_S3 = endpoint;
    resetS3Client();
    expect(error).toMatchObject({ code: 'S3_UNAVAILABLE', status: 503 });
  });
});
