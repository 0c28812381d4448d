import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestBody } from '../support/create-body.js';
import { freePort, type LocalApi, startLocalApi } from '../support/local-api.js';
import { runProcess } from '../support/run-process.js';

const CHROMIUM = '/usr/bin/chromium'; // Debian's package (.ci/run installs it)
const body = createRequestBody({ name: 'pg-browser-01' });

async function servePage(port: number): Promise<Server> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<!doctype html><title>front end</title><p>front end</p>');
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return server;
}

/**
 * One `npm start` for every smoke test: two serverless-offline instances in one work tree would
 * share `.esbuild/`, and one can break the other's bundles.
 */

/** What a front-end script can see of a cross-origin answer (only CORS-exposed headers). */
interface SeenByPage {
  readonly status: number;
  readonly location: string | null;
  readonly requestId: string | null;
  readonly replayed: string | null;
  readonly body: Record<string, unknown>;
}

describe('npm start: serverless-offline in front of the embedded simulator', () => {
  let api: LocalApi;
  let page: Server;
  let otherPage: Server;
  let browser: Browser;
  let pageUrl: string;
  let otherUrl: string;

  beforeAll(async () => {
    const [pagePort, otherPort] = [await freePort(), await freePort()];
    pageUrl = `http://127.0.0.1:${pagePort}/`;
    otherUrl = `http://127.0.0.1:${otherPort}/`;
    [page, otherPage] = await Promise.all([servePage(pagePort), servePage(otherPort)]);
    api = await startLocalApi({ CORS_ALLOWED_ORIGINS: `http://127.0.0.1:${pagePort}` });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    page?.close();
    otherPage?.close();
  });

  async function fetchFrom(
    origin: string,
    request: { body: unknown; key?: string },
  ): Promise<SeenByPage> {
    const tab = await browser.newPage();
    try {
      await tab.goto(origin);
      return await tab.evaluate(
        async ({ apiUrl, body, key }) => {
          const headers: Record<string, string> = { 'content-type': 'application/json' };
          if (key) headers['idempotency-key'] = key;
          const response = await fetch(`${apiUrl}/protection-groups`, {
            method: 'POST',
            headers,
            body: JSON.stringify(body),
          });
          return {
            status: response.status,
            location: response.headers.get('location'),
            requestId: response.headers.get('x-request-id'),
            replayed: response.headers.get('idempotent-replayed'),
            body: (await response.json()) as Record<string, unknown>,
          };
        },
        { apiUrl: api.url, body: request.body, key: request.key },
      );
    } finally {
      await tab.close();
    }
  }

  it('creates a protection group: 202, Location and a jobId', async () => {
    // Act
    const response = await fetch(`${api.url}/protection-groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });

    // Assess
    expect(response.status, api.output()).toBe(202);
    const { jobId } = (await response.json()) as { jobId: string };
    expect(response.headers.get('location')).toBe(`/jobs/${jobId}`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers an invalid create with 400 problem+json listing every violation', async () => {
    // Act
    const response = await fetch(`${api.url}/protection-groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
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
    const response = await fetch(`${api.url}${path}`, { method });

    // Assess
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ status, code });
  });

  it("serves a front end's whole flow: domains, create with a key, retry, poll, list", async () => {
    // Prepare
    const get = async (path: string) => {
      const response = await fetch(`${api.url}${path}`);
      return { response, json: (await response.json()) as Record<string, unknown> };
    };
    const { json: domainList } = await get('/active-domains');
    const domain = (domainList.domains as Array<Record<string, unknown>>).find((d) => !d.soldOut);
    const zones = domain?.availabilityZones as { source: string; target: string } | undefined;
    const create = () =>
      fetch(`${api.url}/protection-groups`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'flow-0f8fad5b-d9cb-469f',
        },
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
      const { response, json } = await get(`/jobs/${jobId}`);
      states.push(String(json.status));
      if (json.status !== 'succeeded') expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
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

  it('has Chromium installed for the browser test', () => {
    expect(existsSync(CHROMIUM)).toBe(true);
  });

  it('lets an allowed page create, read Location and X-Request-Id, and see a replay', async () => {
    // Prepare
    const key = `browser-${Date.now()}-abcdef`;

    // Act
    const first = await fetchFrom(pageUrl, { body, key });
    const replay = await fetchFrom(pageUrl, { body, key });

    // Assess
    expect(first.status).toBe(202);
    expect(first.location).toBe(`/jobs/${first.body.jobId}`);
    expect(first.requestId).toEqual(expect.any(String));
    expect(replay.status).toBe(202);
    expect(replay.body.jobId).toBe(first.body.jobId);
    expect(replay.replayed).toBe('true');
  });

  it('lets an allowed page read a problem+json error', async () => {
    // Act
    const seen = await fetchFrom(pageUrl, { body: { name: 'bad name' } });

    // Assess
    expect(seen.status).toBe(400);
    expect(seen.body.code).toBe('VALIDATION_FAILED');
    expect(seen.requestId).toBe(seen.body.requestId);
  });

  it('blocks a page from an origin that is not allowed', async () => {
    // Act
    const outcome = await fetchFrom(otherUrl, { body }).then(
      () => 'read',
      (error: Error) => error.message,
    );

    // Assess
    expect(outcome).toContain('Failed to fetch');
  });

  it('runs the README reconcile command on the npm start stack, JSON only on stdout', async () => {
    // Prepare: the README's "Try it" creates pg-web-01 through the API first.
    const desired = JSON.parse(readFileSync('examples/reconcile/desired.json', 'utf8')) as {
      protectionGroups: Array<{ name: string }>;
    };
    const [webTier] = desired.protectionGroups;
    const created = await fetch(`${api.url}/protection-groups`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(webTier),
    });
    const args = ['run', '-s', 'reconcile', '--', 'examples/reconcile/desired.json', '--json'];

    // Act
    const run = await runProcess('npm', args, { LOCAL_STACK_FILE: api.stackFile });
    const again = await runProcess('npm', args, { LOCAL_STACK_FILE: api.stackFile });

    // Assess
    expect(created.status).toBe(202);
    expect(run.stderr).toMatch(/^upstream: SDRS simulator on \S+ \(the running npm start stack/m);
    const first = JSON.parse(run.stdout) as { totals: Record<string, number> };
    const second = JSON.parse(again.stdout) as { totals: Record<string, number> };
    expect(first.totals).toMatchObject({ items: 3, exists: 1, created: 2 });
    expect(second.totals).toMatchObject({ items: 3, exists: 3, created: 0 });
  });
});
