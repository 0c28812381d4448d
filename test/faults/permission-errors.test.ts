/**
 * SDRS's own permission codes (`SDRS.0001`–`SDRS.0005`: invalid tenant ID, tenant token or roles,
 * no API or operation permission) come with HTTP 400, yet they say the service account lacks
 * rights, not that the caller's input is wrong: each is 502 `UPSTREAM_AUTH_FAILED` (the on-call
 * code), never 422 `UPSTREAM_REJECTED`. Set through the simulator's HTTP toggle, as under `npm start`.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as createHandler } from '../../handlers/create-protection-group.js';
import { handler as listHandler } from '../../handlers/list-protection-groups.js';
import { PERMISSION_ERRORS } from '../../simulator/index.js';
import { invoke } from '../lookups/support.js';
import { createRequestBody } from '../support/create-body.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { callFaultControl } from './control.js';

let upstream: LocalUpstream;

const toggle = (body: object) => callFaultControl(upstream.sim.url, 'POST', body);

const create = () =>
  invoke(createHandler, {
    method: 'POST',
    path: '/protection-groups',
    body: createRequestBody({ name: 'pg-permissions-01' }),
  });

beforeAll(async () => {
  upstream = await startLocalUpstream();
});
afterAll(async () => upstream.close());
beforeEach(() => upstream.sim.reset());

describe('SDRS permission errors (HTTP 400 upstream)', () => {
  it.each(Object.entries(PERMISSION_ERRORS))(
    '%s "%s" on create → 502 UPSTREAM_AUTH_FAILED, nothing created, not resent',
    async (code, message) => {
      // Prepare
      const set = await toggle({ operation: 'create', fault: 'permission-denied', code });

      // Act
      const answer = await create();

      // Assess
      expect(set.status).toBe(201);
      expect(answer.status).toBe(502);
      expect(answer.body).toMatchObject({
        code: 'UPSTREAM_AUTH_FAILED',
        retryable: false,
        upstream: { status: 400, code, message },
      });
      expect(upstream.sim.requests().map((r) => r.status)).toEqual([400]);
      expect(upstream.sim.acceptedCreates()).toBe(0);
    },
  );

  it('defaults to SDRS.0004 and applies to reads too', async () => {
    // Prepare
    await toggle({ operation: 'list', fault: 'permission-denied' });

    // Act
    const denied = await invoke(listHandler, { path: '/protection-groups' });
    const next = await invoke(listHandler, { path: '/protection-groups' });

    // Assess
    expect(denied.status).toBe(502);
    expect(denied.body).toMatchObject({
      code: 'UPSTREAM_AUTH_FAILED',
      upstream: { status: 400, code: 'SDRS.0004' },
    });
    expect(next.status).toBe(200);
  });

  it('keeps every other SDRS 400 a 422 UPSTREAM_REJECTED (the input is at fault)', async () => {
    // Prepare
    await toggle({ operation: 'create', fault: 'rejected', code: 'SDRS.0201' });

    // Act
    const answer = await create();

    // Assess
    expect(answer.status).toBe(422);
    expect(answer.body.code).toBe('UPSTREAM_REJECTED');
  });

  it('refuses a permission-denied toggle with a code outside SDRS.0001–SDRS.0005', async () => {
    // Act
    const refused = await toggle({
      operation: 'create',
      fault: 'permission-denied',
      code: 'SDRS.0233',
    });

    // Assess
    expect(refused.status).toBe(400);
    expect(refused.json).toEqual({
      errors: [
        'fault "permission-denied" takes code SDRS.0001, SDRS.0002, SDRS.0003, SDRS.0004, SDRS.0005',
      ],
    });
  });
});
