/**
 * The fault matrix through the real HTTP handlers: every upstream fault on every front-end route
 * becomes an answer the OpenAPI document declares (status, content type, body schema, headers).
 * A problem the document does not list for a route — the kind of gap a typed client cannot handle
 * without a cast — fails here.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler as createHandler } from '../../handlers/create-protection-group.js';
import { handler as domainsHandler } from '../../handlers/get-active-domains.js';
import { handler as jobHandler } from '../../handlers/get-job.js';
import { handler as listHandler } from '../../handlers/list-protection-groups.js';
import { buildOpenApiDocument } from '../../lib/openapi/document.js';
import type { FaultRoute } from '../../simulator/index.js';
import { type Answer, invoke } from '../lookups/support.js';
import { Contract } from '../openapi/contract.js';
import { createRequestBody } from '../support/create-body.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { FAULT_CASES, FAULT_TIMEOUT_MS } from './matrix.js';

const JOB_ID = '0123456789abcdef0123456789abcdef';

const ROUTES: { method: string; path: string; fault: FaultRoute; call: () => Promise<Answer> }[] = [
  {
    method: 'post',
    path: '/protection-groups',
    fault: 'create',
    call: () =>
      invoke(createHandler, {
        method: 'POST',
        path: '/protection-groups',
        body: createRequestBody({ name: 'pg-matrix-01' }),
      }),
  },
  {
    method: 'get',
    path: '/jobs/{jobId}',
    fault: 'job',
    call: () => invoke(jobHandler, { path: `/jobs/${JOB_ID}`, pathParameters: { jobId: JOB_ID } }),
  },
  {
    method: 'get',
    path: '/protection-groups',
    fault: 'list',
    call: () => invoke(listHandler, { path: '/protection-groups' }),
  },
  {
    method: 'get',
    path: '/active-domains',
    fault: 'domains',
    call: () => invoke(domainsHandler, { path: '/active-domains' }),
  },
];

describe('fault matrix over HTTP: every answer is one the document declares', () => {
  let upstream: LocalUpstream;
  const contract = new Contract(buildOpenApiDocument());

  beforeAll(async () => {
    upstream = await startLocalUpstream(
      {},
      { SDRS_TIMEOUT_MS: String(FAULT_TIMEOUT_MS), SDRS_MAX_RETRIES: '0' },
    );
  });
  afterAll(async () => upstream.close());
  beforeEach(() => upstream.sim.reset());

  for (const route of ROUTES) {
    describe(`${route.method.toUpperCase()} ${route.path}`, () => {
      it.each(FAULT_CASES)('$name → a documented $code', async (faultCase) => {
        // Prepare
        upstream.sim.inject({ ...faultCase.fault, route: route.fault } as never);

        // Act
        const answer = await route.call();

        // Assess
        expect(() => contract.check(route.method, route.path, answer)).not.toThrow();
        // A job poll turns an upstream "no such job" into JOB_NOT_FOUND; the rest keep the code.
        expect([faultCase.code, 'JOB_NOT_FOUND']).toContain(answer.body.code);
        if (route.fault !== 'job') expect(answer.body.code).toBe(faultCase.code);
      });
    });
  }
});
