import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/create-protection-group.js';
import { resetDependencies } from '../../lib/dependencies.js';
import { createRequestBody } from '../support/create-body.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import {
  type FakeSecretsManager,
  startFakeSecretsManager,
} from '../support/fake-secrets-manager.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

const SECRET_ID = 'sdrs-bff/credentials';
const body = createRequestBody({ name: 'pg-secret-01' });
const create = () =>
  handler(httpEvent({ method: 'POST', path: '/protection-groups', body }), lambdaContext());

describe('credentials from AWS Secrets Manager (signed GetSecretValue, local endpoint)', () => {
  let upstream: LocalUpstream;
  let secrets: FakeSecretsManager;

  beforeAll(async () => {
    secrets = await startFakeSecretsManager();
    upstream = await startLocalUpstream();
    Object.assign(process.env, {
      SDRS_SECRET_ID: SECRET_ID,
      SDRS_SECRET_FILE: '',
      AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
      AWS_REGION: 'eu-west-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
    });
  });
  afterAll(async () => {
    await upstream.close();
    await secrets.close();
  });
  beforeEach(() => {
    secrets.setSecret(SECRET_ID, JSON.stringify(upstream.sim.credentials));
    process.env.SDRS_SECRET_MAX_AGE_SECONDS = '300';
    resetDependencies();
  });

  it('signs with the secret read through Secrets Manager and caches it', async () => {
    // Prepare
    const readsBefore = secrets.reads(SECRET_ID);

    // Act
    const answers = [await create(), await create(), await create()];

    // Assess
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    expect(secrets.reads(SECRET_ID) - readsBefore).toBe(1);
  });

  it('reads the secret again once it is older than SDRS_SECRET_MAX_AGE_SECONDS', async () => {
    // Prepare
    process.env.SDRS_SECRET_MAX_AGE_SECONDS = '0';
    resetDependencies();
    const readsBefore = secrets.reads(SECRET_ID);

    // Act
    await create();
    await create();

    // Assess
    expect(secrets.reads(SECRET_ID) - readsBefore).toBe(2);
  });

  it('survives a rotation: a stale signature makes it fetch the secret again and retry once', async () => {
    // Prepare
    expect((await create()).statusCode).toBe(202);
    const rotated = { ak: 'ROTATEDAK00000000002', sk: 'RotatedSecretKey-0123456789abcdefghij' };
    upstream.sim.setCredentials(rotated);
    secrets.setSecret(SECRET_ID, JSON.stringify(rotated));
    const readsBefore = secrets.reads(SECRET_ID);
    const createsBefore = upstream.sim.acceptedCreates();

    // Act
    const response = await create();

    // Assess
    expect(response.statusCode).toBe(202);
    expect(secrets.reads(SECRET_ID) - readsBefore).toBe(1);
    expect(upstream.sim.acceptedCreates() - createsBefore).toBe(1);
  });

  it('answers 500 INTERNAL without the secret or its id details when the secret is malformed', async () => {
    // Prepare
    secrets.setSecret(SECRET_ID, '{"ak":"only-an-ak","sk":""}');
    upstream.sim.reset();

    // Act
    const response = await create();

    // Assess
    expect(response.statusCode).toBe(500);
    const problem = JSON.parse(response.body ?? '{}');
    expect(problem.code).toBe('INTERNAL');
    expect(response.body).not.toContain('only-an-ak');
    expect(upstream.sim.requests()).toHaveLength(0);
  });
});
