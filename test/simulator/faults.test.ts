import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  gatewayError,
  keystoneError,
  type SdrsSimulator,
  sdrsError,
  startSimulator,
} from '../../simulator/index.js';
import { createBody, send } from './client.js';

let sim: SdrsSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => sim.reset());

const create = (extra: { timeoutMs?: number } = {}) =>
  send(sim, { method: 'POST', path: '/server-groups', body: createBody(), ...extra });
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Poll `check` until true (or give up after `ms`); no timing assertion, just a bounded wait. */
async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await wait(10);
  return check();
}

describe('fault: latency', () => {
  it('delays the normal answer and the create is accepted', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'latency', ms: 150 });

    // Act
    const res = await create();

    // Assess
    expect(res.status).toBe(200);
    expect(res.headersAfterMs).toBeGreaterThanOrEqual(140); // lower bound only: never flaky
    expect(sim.acceptedCreates()).toBe(1);
    expect(sim.requests()[0]?.fault).toBe('latency');
  });

  it('still accepts the create when the client gave up before the answer', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'latency', ms: 1000 });

    // Act
    const outcome = await create({ timeoutMs: 50 }).catch((e: Error) => e.message);
    const countAtTimeout = sim.acceptedCreates();
    const acceptedLater = await until(() => sim.acceptedCreates() === 1);

    // Assess
    expect(outcome).toBe('client timeout');
    expect(countAtTimeout).toBe(0);
    expect(acceptedLater).toBe(true);
  });
});

describe('reset() during a pending fault', () => {
  it('drops a delayed create: connection destroyed, nothing accepted', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'latency', ms: 300 });
    const pending = create().catch((e: Error) => e);
    await until(() => sim.requests().length === 1);

    // Act
    sim.reset();
    const outcome = await pending;
    await wait(400);

    // Assess
    expect(outcome).toBeInstanceOf(Error);
    expect(sim.acceptedCreates()).toBe(0);
  });
});

describe('fault: no-answer', () => {
  it.each([
    [false, 0],
    [true, 1],
  ])('never answers (afterAccept %s → %i accepted)', async (afterAccept, accepted) => {
    // Prepare
    sim.inject({ route: 'create', kind: 'no-answer', afterAccept });

    // Act
    const outcome = await create({ timeoutMs: 150 }).catch((e: Error) => e.message);

    // Assess
    expect(outcome).toBe('client timeout');
    expect(sim.acceptedCreates()).toBe(accepted);
    expect(sim.requests()[0]?.fault).toBe('no-answer');
    expect(sim.requests()[0]?.status).toBeUndefined();
  });

  it('close() destroys a hung connection', async () => {
    // Prepare
    const own = await startSimulator();
    own.inject({ route: 'any', kind: 'no-answer' });
    const pending = send(own, { path: '/active-domains' }).catch((e: Error) => e);
    await wait(50);

    // Act
    await own.close();
    const outcome = await pending;

    // Assess (without close() destroying it, the request would hang until the test times out)
    expect(outcome).toBeInstanceOf(Error);
  });
});

describe('fault: reset', () => {
  it.each([
    [false, 0],
    [true, 1],
  ])('resets the connection (afterAccept %s → %i accepted)', async (afterAccept, accepted) => {
    // Prepare
    sim.inject({ route: 'create', kind: 'reset', afterAccept });

    // Act
    const outcome = await create().catch((e: NodeJS.ErrnoException) => e);

    // Assess
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as NodeJS.ErrnoException).code).toMatch(/ECONNRESET|EPIPE/);
    expect(sim.acceptedCreates()).toBe(accepted);
  });
});

describe('fault: reset-mid-body', () => {
  it('sends the status and part of the body, then resets (not accepted by default)', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'reset-mid-body', status: 200 });

    // Act
    const outcome = await create().catch((e: Error) => e);

    // Assess
    expect(outcome).toBeInstanceOf(Error);
    expect(sim.requests()[0]).toMatchObject({ status: 200, fault: 'reset-mid-body' });
    expect(sim.acceptedCreates()).toBe(0);
  });

  it('with afterAccept the create is accepted and the partial body is its real answer', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'reset-mid-body', afterAccept: true });
    const url = new URL(`/v1/${sim.projectId}/server-groups`, sim.url);
    const { signedHeaders } = await import('./client.js');
    const body = JSON.stringify(createBody());
    const headers = signedHeaders(sim, { method: 'POST', path: '', body }, url);
    const seen: string[] = [];

    // Act
    const outcome = await new Promise<string>((resolve) => {
      import('node:http').then(({ request }) => {
        const req = request(url, { method: 'POST', headers, agent: false }, (res) => {
          seen.push(String(res.statusCode));
          res.on('data', (c: Buffer) => seen.push(c.toString()));
          res.on('error', (e) => resolve(e.message));
          res.on('end', () => resolve('end'));
        });
        req.on('error', (e) => resolve(e.message));
        req.end(body);
      });
    });

    // Assess
    expect(outcome).not.toBe('end');
    expect(seen[0]).toBe('200');
    expect(seen.slice(1).join('')).toMatch(/^\{"job_id":"[0-9a-f]*$/);
    expect(sim.acceptedCreates()).toBe(1);
  });
});

describe('fault: slow-body', () => {
  it('delivers the real answer, but only after the stall', async () => {
    // Prepare
    sim.inject({ route: 'domains', kind: 'slow-body', ms: 200 });

    // Act
    const res = await send(sim, { path: '/active-domains' });

    // Assess
    expect(res.status).toBe(200);
    expect(res.endAfterMs).toBeGreaterThanOrEqual(190);
    expect(res.json).toHaveProperty('domains');
  });

  it('sends the status line and headers before the stalled body', async () => {
    // Prepare
    sim.inject({ route: 'domains', kind: 'slow-body', ms: 10_000 });
    const { request } = await import('node:http');
    const { signedHeaders } = await import('./client.js');
    const url = new URL(`/v1/${sim.projectId}/active-domains`, sim.url);
    const headers = signedHeaders(sim, { path: '' }, url);

    // Act
    const seen = await new Promise<{ status?: number; bodyBytes: number }>((resolve) => {
      const req = request(url, { headers, agent: false }, (res) => {
        let bodyBytes = 0;
        res.on('data', (c: Buffer) => {
          bodyBytes += c.length;
        });
        res.on('error', () => {});
        setTimeout(() => {
          resolve({ status: res.statusCode, bodyBytes });
          req.destroy();
        }, 300);
      });
      req.on('error', () => {});
      req.end();
    });

    // Assess
    expect(seen).toEqual({ status: 200, bodyBytes: 0 });
  });

  it('on create without afterAccept answers 502 APIGW.0201 and accepts nothing', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'slow-body', ms: 50 });

    // Act
    const res = await create();

    // Assess
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ error_code: 'APIGW.0201' });
    expect(sim.acceptedCreates()).toBe(0);
  });

  it('on create with afterAccept accepts, then a client timeout hits while the body stalls', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'slow-body', ms: 10_000, afterAccept: true });

    // Act
    const outcome = await create({ timeoutMs: 100 }).catch((e: Error) => e.message);

    // Assess
    expect(outcome).toMatch(/client timeout|aborted/);
    expect(sim.acceptedCreates()).toBe(1);
  });

  it('on a job poll without afterAccept does not advance the job', async () => {
    // Prepare
    const jobId = ((await create()).json as { job_id: string }).job_id;
    sim.inject({ route: 'job', kind: 'slow-body', ms: 10, times: 3 });

    // Act
    const peeks = [];
    for (let i = 0; i < 3; i += 1) peeks.push(await send(sim, { path: `/jobs/${jobId}` }));
    const real = await send(sim, { path: `/jobs/${jobId}` });

    // Assess
    expect(peeks.map((p) => (p.json as { status: string }).status)).toEqual([
      'INIT',
      'INIT',
      'INIT',
    ]);
    expect((real.json as { status: string }).status).toBe('INIT');
  });
});

describe('fault: html, throttle, answer', () => {
  it('html: sends an HTML page with the status and does not accept', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'html', status: 502 });

    // Act
    const res = await create();

    // Assess
    expect(res.status).toBe(502);
    expect(res.headers['content-type']).toBe('text/html');
    expect(res.text).toContain('<html>');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(sim.acceptedCreates()).toBe(0);
  });

  it('html with afterAccept: the upstream acted although the gateway said 504', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'html', status: 504, afterAccept: true });

    // Act
    const res = await create();

    // Assess
    expect(res.status).toBe(504);
    expect(sim.acceptedCreates()).toBe(1);
  });

  it.each([
    [{ retryAfter: 3 }, 'APIGW.0308', '3'],
    [{ prefix: 'APIG' as const }, 'APIG.0308', undefined],
  ])('throttle %o → 429 %s', async (options, code, retryAfter) => {
    // Prepare
    sim.inject({ route: 'create', kind: 'throttle', afterAccept: true, ...options });

    // Act
    const res = await create();

    // Assess
    expect(res.status).toBe(429);
    expect(res.json).toMatchObject({ error_code: code, request_id: res.headers['x-request-id'] });
    expect(res.headers['retry-after']).toBe(retryAfter);
    expect(sim.acceptedCreates()).toBe(0);
  });

  it.each<[string, number, string | object, Record<string, string | null> | undefined]>([
    ['SDRS under badrequest', 400, sdrsError('SDRS.0203', 'bad AZ', 'badrequest'), undefined],
    ['SDRS under itemNotFound', 404, sdrsError('SDRS.1013', 'gone', 'itemNotFound'), undefined],
    ['gateway APIG.0301', 401, gatewayError('0301', 'token expires', 'APIG'), undefined],
    ['keystone numeric code', 401, keystoneError(), undefined],
    ['empty body without content type', 503, '', { 'content-type': null }],
    ['truncated JSON', 500, '{"error":{"code":"SDRS.00', undefined],
    ['wrong content type', 200, '{"job_id":"abc"}', { 'content-type': 'text/plain' }],
    [
      'huge body',
      500,
      `{"error":{"code":"SDRS.0013","message":"${'x'.repeat(5_000_000)}"}}`,
      undefined,
    ],
  ])('answer: %s', async (_label, status, body, headers) => {
    // Prepare
    sim.inject({ route: 'create', kind: 'answer', status, body, headers });
    const expectedText = typeof body === 'string' ? body : JSON.stringify(body);

    // Act
    const res = await create();

    // Assess
    expect(res.status).toBe(status);
    expect(res.text).toBe(expectedText);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    if (headers?.['content-type'] === null) expect(res.headers['content-type']).toBeUndefined();
    expect(sim.acceptedCreates()).toBe(0);
  });
});

describe('fault queue', () => {
  it('applies a fault `times` times to its route only, then behaves normally', async () => {
    // Prepare
    sim.inject({ route: 'create', kind: 'html', status: 503, times: 2 });

    // Act
    const listed = await send(sim, { path: '/server-groups' });
    const statuses = [(await create()).status, (await create()).status, (await create()).status];

    // Assess
    expect(listed.status).toBe(200);
    expect(statuses).toEqual([503, 503, 200]);
    expect(sim.acceptedCreates()).toBe(1);
  });

  it('route any matches every route; clearFaults drops what is queued', async () => {
    // Prepare
    sim.inject({ route: 'any', kind: 'html', status: 500, times: Number.POSITIVE_INFINITY });

    // Act
    const faulted = await send(sim, { path: '/active-domains' });
    sim.clearFaults();
    const normal = await send(sim, { path: '/active-domains' });

    // Assess
    expect(faulted.status).toBe(500);
    expect(normal.status).toBe(200);
  });
});

describe('envelope builders', () => {
  it('build the documented shapes', () => {
    // Act
    const sdrs = sdrsError('SDRS.0202', 'bad name');
    const full = gatewayError('APIGW.0307', 'The token must be updated', 'APIGW', 'rid');
    const keystone = keystoneError(401, 'The request you have made requires authentication.');

    // Assess
    expect(sdrs).toEqual({ error: { code: 'SDRS.0202', message: 'bad name' } });
    expect(full).toEqual({
      error_code: 'APIGW.0307',
      error_msg: 'The token must be updated',
      request_id: 'rid',
    });
    expect(keystone).toEqual({
      error: {
        code: 401,
        message: 'The request you have made requires authentication.',
        title: 'Unauthorized',
      },
    });
  });
});
