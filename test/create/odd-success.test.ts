import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/create-protection-group.js';
import { createRequestBody } from '../support/create-body.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

const body = createRequestBody({ name: 'pg-odd-01' });

describe('a create SDRS answers 200 without a usable job id', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => upstream.close());
  beforeEach(() => upstream.sim.reset());

  it.each([['null'], ['"job"'], ['[]'], ['{}'], ['{"job_id": 42}'], ['{"job_id": ""}']])(
    'answers 502 UPSTREAM_UNAVAILABLE for %s, never 500',
    async (answer) => {
      // Prepare
      upstream.sim.inject({ route: 'create', kind: 'answer', status: 200, body: answer });

      // Act
      const response = await handler(
        httpEvent({ method: 'POST', path: '/protection-groups', body }),
        lambdaContext(),
      );

      // Assess
      expect(response.statusCode).toBe(502);
      expect(JSON.parse(response.body ?? '{}')).toMatchObject({
        code: 'UPSTREAM_UNAVAILABLE',
        upstream: { status: 200 },
      });
    },
  );
});
