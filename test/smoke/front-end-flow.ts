import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { createRequestBody } from '../support/create-body.js';
import { runProcess } from '../support/run-process.js';
import { call, type SmokeStack } from './stack.js';

const json = { 'content-type': 'application/json' };

/** The README's "Try it" against `npm start` with a minted token. */
export function frontEndFlowTests(stack: () => SmokeStack): void {
  it('creates a protection group: 202, Location and a jobId', async () => {
    // Act
    const response = await call(stack(), '/protection-groups', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(createRequestBody({ name: 'pg-smoke-01' })),
    });

    // Assess
    expect(response.status, stack().api.output()).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    expect(response.headers.get('location')).toBe(`/jobs/${jobId}`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an invalid create with 400 problem+json listing every violation', async () => {
    // Act
    const response = await call(stack(), '/protection-groups', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ name: 'bad name', extra: true }),
    });

    // Assess
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { errors: { pointer: string }[]; requestId: string };
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual(
      [
        '#/domainId',
        '#/extra',
        '#/name',
        '#/sourceAvailabilityZone',
        '#/sourceVpcId',
        '#/targetAvailabilityZone',
      ].sort(),
    );
    expect(problem.requestId).toBe(response.headers.get('x-request-id'));
  });

  it.each([
    ['an unknown route', 'GET', '/nothing-here', 404, 'NOT_FOUND'],
    [
      'a known route with the wrong method',
      'DELETE',
      '/protection-groups',
      405,
      'METHOD_NOT_ALLOWED',
    ],
  ])('answers %s with problem+json', async (_case, method, path, status, code) => {
    // Act
    const response = await call(stack(), path, { method });

    // Assess
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ status, code });
  });

  it("serves a front end's whole flow with a minted token: domains, create, retry, poll, list", async () => {
    // Prepare
    const get = async (path: string) => {
      const response = await call(stack(), path);
      return { response, json: (await response.json()) as Record<string, unknown> };
    };
    const { json: domainList } = await get('/active-domains');
    const domain = (domainList.domains as Array<Record<string, unknown>>).find((d) => !d.soldOut);
    const zones = domain?.availabilityZones as { source: string; target: string } | undefined;
    const create = () =>
      call(stack(), '/protection-groups', {
        method: 'POST',
        headers: { ...json, 'idempotency-key': 'flow-0f8fad5b-d9cb-469f' },
        body: JSON.stringify({
          name: 'pg-flow-01',
          sourceAvailabilityZone: zones?.source,
          targetAvailabilityZone: zones?.target,
          domainId: domain?.id,
          sourceVpcId: 'vpc-flow',
        }),
      });

    // Act
    const first = await create();
    const retry = await create();
    const { jobId } = (await first.json()) as { jobId: string };
    const states: string[] = [];
    for (let poll = 0; poll < 10 && states.at(-1) !== 'succeeded'; poll++) {
      const { response, json: job } = await get(`/jobs/${jobId}`);
      states.push(String(job.status));
      if (job.status !== 'succeeded') expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    const { json: page } = await get('/protection-groups?name=pg-flow-01');

    // Assess
    expect(first.status).toBe(202);
    expect(retry.status).toBe(202);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(((await retry.json()) as { jobId: string }).jobId).toBe(jobId);
    expect(states.at(-1)).toBe('succeeded');
    const items = page.items as Array<Record<string, unknown>>;
    expect(items.map((item) => item.name)).toEqual(['pg-flow-01']);
  });

  it('runs the README reconcile command on the npm start stack, JSON only on stdout', async () => {
    // Prepare: the README's "Try it" creates pg-web-01 through the API first.
    const desired = JSON.parse(readFileSync('examples/reconcile/desired.json', 'utf8')) as {
      protectionGroups: Array<{ name: string }>;
    };
    const [webTier] = desired.protectionGroups;
    const created = await call(stack(), '/protection-groups', {
      method: 'POST',
      headers: json,
      body: JSON.stringify(webTier),
    });
    const args = ['run', '-s', 'reconcile', '--', 'examples/reconcile/desired.json', '--json'];
    const env = { LOCAL_STACK_FILE: stack().api.stackFile };

    // Act
    const run = await runProcess('npm', args, env);
    const again = await runProcess('npm', args, env);

    // Assess
    expect(created.status).toBe(202);
    expect(run.stderr).toMatch(/^upstream: SDRS simulator on \S+ \(the running npm start stack/m);
    const first = JSON.parse(run.stdout) as { totals: Record<string, number> };
    const second = JSON.parse(again.stdout) as { totals: Record<string, number> };
    expect(first.totals).toMatchObject({ items: 3, exists: 1, created: 2 });
    expect(second.totals).toMatchObject({ items: 3, exists: 3, created: 0 });
  });

  it("reconciles the list in the stack's local S3 and serves the report at GET /reconcile/runs/latest", async () => {
    // Prepare: the example list npm start put in its local S3 (its groups exist by now).
    const source = 's3://sdrs-bff-local-reconcile/lists/desired.yaml';
    const before = await call(stack(), '/reconcile/runs/latest');
    const args = ['run', '-s', 'reconcile', '--', source, '--json'];
    const env = { LOCAL_STACK_FILE: stack().api.stackFile };

    // Act
    const run = await runProcess('npm', args, env, ['SDRS_', 'RECONCILE_', 'AWS_']);
    const latest = await call(stack(), '/reconcile/runs/latest');

    // Assess
    expect(before.status).toBe(404);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({
      list: { source, format: 'yaml' },
      totals: { items: 3, exists: 3, created: 0 },
    });
    expect(run.stderr).toMatch(
      /^report: s3:\/\/sdrs-bff-local-reconcile\/reports\/lists\/desired\.yaml\//m,
    );
    expect(latest.status).toBe(200);
    expect(await latest.json()).toEqual(report);
  });
}
