import { expect, it } from 'vitest';
import { createRequestBody } from '../support/create-body.js';
import type { SmokeStack } from './stack.js';

/** A request a page's script makes; `blob` sends the body as a type-less Blob (no Content-Type). */
interface PageRequest {
  readonly path: string;
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly blob?: boolean;
}

/** What a front-end script can see of a cross-origin answer (only CORS-exposed headers). */
interface SeenByPage {
  readonly status: number;
  readonly location: string | null;
  readonly requestId: string | null;
  readonly replayed: string | null;
  readonly body: Record<string, unknown>;
}

const body = JSON.stringify(createRequestBody({ name: 'pg-browser-01' }));

/** The real-browser test: what pages on the allowed origin and on any other can read. */
export function browserTests(stack: () => SmokeStack): void {
  async function fetchFrom(pageUrl: string, request: PageRequest): Promise<SeenByPage> {
    const tab = await stack().browser.newPage();
    try {
      await tab.goto(pageUrl);
      return await tab.evaluate(
        async ({ apiUrl, request }) => {
          const response = await fetch(`${apiUrl}${request.path}`, {
            method: request.method ?? 'GET',
            headers: request.headers ?? {},
            ...(request.body !== undefined && {
              body: request.blob ? new Blob([request.body]) : request.body,
            }),
          });
          return {
            status: response.status,
            location: response.headers.get('location'),
            requestId: response.headers.get('x-request-id'),
            replayed: response.headers.get('idempotent-replayed'),
            body: (await response.json()) as Record<string, unknown>,
          };
        },
        { apiUrl: stack().api.url, request },
      );
    } finally {
      await tab.close();
    }
  }
  const create = (extra: Record<string, string> = {}, payload = body): PageRequest => ({
    path: '/protection-groups',
    method: 'POST',
    headers: {
      authorization: `Bearer ${stack().token}`,
      'content-type': 'application/json',
      ...extra,
    },
    body: payload,
  });

  it('lets an allowed page create with a token, read Location and X-Request-Id, and see a replay', async () => {
    // Prepare
    const key = `browser-${Date.now()}-abcdef`;

    // Act
    const first = await fetchFrom(stack().pageUrl, create({ 'idempotency-key': key }));
    const replay = await fetchFrom(stack().pageUrl, create({ 'idempotency-key': key }));

    // Assess
    expect(first.status).toBe(202);
    expect(first.location).toBe(`/jobs/${first.body.jobId}`);
    expect(first.requestId).toEqual(expect.any(String));
    expect(replay.status).toBe(202);
    expect(replay.body.jobId).toBe(first.body.jobId);
    expect(replay.replayed).toBe('true');
  });

  it('lets an allowed page read a problem+json error and the gateway’s 401', async () => {
    // Act
    const invalid = await fetchFrom(stack().pageUrl, create({}, '{"name":"bad name"}'));
    const anonymous = await fetchFrom(stack().pageUrl, { path: '/active-domains' });

    // Assess
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('VALIDATION_FAILED');
    expect(invalid.requestId).toBe(invalid.body.requestId);
    expect(anonymous).toMatchObject({ status: 401, body: { message: 'Unauthorized' } });
  });

  it.each<[string, () => PageRequest]>([
    ['a create with a token (preflighted)', () => create()],
    [
      'a type-less Blob POST (no preflight)',
      () => ({ path: '/protection-groups', method: 'POST', body, blob: true }),
    ],
    ['a 404 error', () => ({ path: '/nothing-here' })],
    ['a 401 error', () => ({ path: '/active-domains' })],
    ['a public document', () => ({ path: '/openapi.json' })],
  ])('lets a page on another origin read nothing of %s', async (_case, request) => {
    // Act
    const outcome = await fetchFrom(stack().otherUrl, request()).then(
      (seen) => `read ${seen.status}`,
      (error: Error) => error.message,
    );

    // Assess
    expect(outcome).toContain('Failed to fetch');
  });
}
