import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_AK,
  DEFAULT_PROJECT_ID,
  DEFAULT_SK,
  type SdrsSimulator,
  SIGNATURE_FAIL_MSG,
  startSimulator,
} from '../../simulator/index.js';
import { officialSign } from '../../simulator/official-signer.js';
import { rawSignature } from '../../simulator/raw-verifier.js';
import { createBody, send, signedHeaders } from './client.js';

let sim: SdrsSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(async () => {
  await sim.close();
});
beforeEach(() => {
  sim.reset();
  sim.setCredentials({ ak: DEFAULT_AK, sk: DEFAULT_SK });
});

const gateway401 = expect.objectContaining({
  error_code: 'APIGW.0301',
  request_id: expect.stringMatching(/^[0-9a-f]{32}$/),
});

describe('simulator authentication', () => {
  it('accepts a request signed by the official signer and says so', async () => {
    // Prepare
    expect(sim.projectId).toBe(DEFAULT_PROJECT_ID);

    // Act
    const res = await send(sim, { path: '/active-domains' });

    // Assess
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(sim.requests()[0]).toMatchObject({
      route: 'domains',
      status: 200,
      verifiedBy: 'official',
    });
  });

  it('answers a missing Authorization with the gateway 401 APIGW.0301 body', async () => {
    // Act
    const res = await send(sim, { path: '/active-domains', unsigned: true });

    // Assess
    expect(res.status).toBe(401);
    expect(res.json).toEqual({
      error_code: 'APIGW.0301',
      error_msg: SIGNATURE_FAIL_MSG,
      request_id: res.headers['x-request-id'],
    });
  });

  it.each([
    ['a wrong secret key', { credentials: { ak: DEFAULT_AK, sk: 'wrong-secret' } }],
    [
      'a tampered signature',
      {
        override: {
          authorization: `SDK-HMAC-SHA256 Access=${DEFAULT_AK}, SignedHeaders=host;x-sdk-date, Signature=${'0'.repeat(64)}`,
        },
      },
    ],
    [
      'a signed header changed in transit',
      { override: { 'x-project-id': 'ffffffffffffffffffffffffffffffff' } },
    ],
  ])('rejects %s with 401 APIGW.0301', async (_label, extra) => {
    // Act
    const res = await send(sim, { path: '/server-groups', ...extra });

    // Assess
    expect(res.status).toBe(401);
    expect(res.json).toEqual(gateway401);
  });

  it('rejects a body changed after signing (create) without accepting it', async () => {
    // Prepare
    const signedFor = JSON.stringify(createBody());
    const sent = JSON.stringify(createBody({ name: 'pg-other' }));
    const url = new URL(`/v1/${sim.projectId}/server-groups`, sim.url);
    const headers = signedHeaders(sim, { method: 'POST', path: '', body: signedFor }, url);

    // Act
    const res = await fetch(url, { method: 'POST', headers, body: sent });

    // Assess
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error_code: string }).error_code).toBe('APIGW.0301');
    expect(sim.acceptedCreates()).toBe(0);
  });

  it('rejects an unknown access key with APIGW.0301 "ak ... not exist"', async () => {
    // Act
    const res = await send(sim, {
      path: '/active-domains',
      credentials: { ak: 'OTHERAK', sk: DEFAULT_SK },
    });

    // Assess
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      error_code: 'APIGW.0301',
      error_msg: expect.stringContaining('ak OTHERAK not exist'),
    });
  });

  it('rejects an X-Sdk-Date more than 15 minutes off with 401 APIGW.0303', async () => {
    // Act
    const res = await send(sim, {
      path: '/active-domains',
      now: new Date(Date.now() - 16 * 60_000),
    });

    // Assess
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ error_code: 'APIGW.0303' });
  });

  it('accepts an X-Sdk-Date 14 minutes off', async () => {
    // Act
    const res = await send(sim, {
      path: '/active-domains',
      now: new Date(Date.now() + 14 * 60_000),
    });

    // Assess
    expect(res.status).toBe(200);
  });

  it.each([
    ['missing', null],
    ['for another project', 'ffffffffffffffffffffffffffffffff'],
  ])('rejects an X-Project-Id %s with 401 APIGW.0301', async (_label, projectHeader) => {
    // Act
    const res = await send(sim, { path: '/active-domains', projectHeader });

    // Assess
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({
      error_code: 'APIGW.0301',
      error_msg: expect.stringContaining('X-Project-Id'),
    });
  });

  it('answers a path with another project id 404 APIGW.0101', async () => {
    // Act
    const other = 'ffffffffffffffffffffffffffffffff';
    const res = await send(sim, {
      path: `/v1/${other}/active-domains`,
      absolutePath: true,
      projectHeader: other,
    });

    // Assess
    expect(res.status).toBe(404);
    expect(res.json).toMatchObject({ error_code: 'APIGW.0101' });
  });

  it('answers an unknown path 404 APIGW.0101 and a wrong method 405 with Allow', async () => {
    // Act
    const unknown = await send(sim, { path: '/quotas' });
    const wrongMethod = await send(sim, { method: 'DELETE', path: '/active-domains' });

    // Assess
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error_code: 'APIGW.0101' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.allow).toBe('GET');
  });

  it('requires the security token of temporary credentials, signed', async () => {
    // Prepare
    const temp = { ak: 'TEMPAK00000000000001', sk: 'temp-secret', securityToken: 'token+/=abc' };
    sim.setCredentials(temp);

    // Act
    const withToken = await send(sim, { path: '/active-domains', credentials: temp });
    const withoutToken = await send(sim, {
      path: '/active-domains',
      credentials: { ak: temp.ak, sk: temp.sk },
    });

    // Assess
    expect(withToken.status).toBe(200);
    expect(withoutToken.status).toBe(401);
    expect(withoutToken.json).toMatchObject({ error_code: 'APIGW.0301' });
  });

  it('rejects the old keys after setCredentials (rotation)', async () => {
    // Prepare
    const old = { ...sim.credentials };
    const rotated = { ak: 'ROTATEDAK00000000001', sk: 'rotated-secret' };

    // Act
    const before = await send(sim, { path: '/active-domains', credentials: old });
    sim.setCredentials(rotated);
    const oldAfter = await send(sim, { path: '/active-domains', credentials: old });
    const newAfter = await send(sim, { path: '/active-domains', credentials: rotated });

    // Assess
    expect([before.status, oldAfter.status, newAfter.status]).toEqual([200, 401, 200]);
    expect(sim.credentials).toEqual(rotated);
  });

  it('verifies a non-canonical JSON body byte for byte (raw verifier)', async () => {
    // Prepare
    const pretty = JSON.stringify(createBody(), null, 2);

    // Act
    const res = await send(sim, { method: 'POST', path: '/server-groups', body: pretty });

    // Assess
    expect(res.status).toBe(200);
    expect(sim.requests()[0]?.verifiedBy).toBe('raw');
  });
});

describe('byte-level verifier', () => {
  const creds = { ak: 'HPUAEXAMPLEAK0000001', sk: 'ExampleSecretKey0123456789abcdefghijABCD' };
  const now = new Date('2024-05-01T12:34:56Z');
  const pid = '0123456789abcdef0123456789abcdef';
  const cases: [string, string, string, Record<string, string | string[]>, string | undefined][] = [
    ['create', 'POST', `/v1/${pid}/server-groups`, {}, JSON.stringify(createBody())],
    ['job, no body', 'GET', `/v1/${pid}/jobs/0000000a-bbbb-cccc-dddd-eeeeeeeeeeee`, {}, undefined],
    ['job, {} body', 'GET', `/v1/${pid}/jobs/abc`, {}, '{}'],
    [
      'list with awkward query',
      'GET',
      `/v1/${pid}/server-groups/`,
      {
        limit: '10',
        name: 'pg 1+2~x*y/z',
        description: '保护组-é',
        status: ['error', 'available'],
        'a key': 'v=1&b',
        empty: '',
      },
      undefined,
    ],
  ];

  it.each(cases)('matches the official signer: %s', (_label, method, path, query, body) => {
    // Prepare
    const url = new URL(`https://sdrs.ap-southeast-3.myhuaweicloud.com${path}`);
    for (const [k, v] of Object.entries(query)) {
      for (const one of Array.isArray(v) ? v : [v]) url.searchParams.append(k, one);
    }
    const headers = officialSign({
      method,
      url,
      headers: { 'content-type': 'application/json', 'x-project-id': pid },
      body,
      now,
      ...creds,
    });
    const [, names = '', signature = ''] =
      /SignedHeaders=([^,]+), Signature=([0-9a-f]+)/.exec(headers.authorization ?? '') ?? [];

    // Act
    const computed = rawSignature(
      { method, url, headers, body: Buffer.from(body ?? '') },
      names,
      creds.sk,
    );

    // Assess
    expect(computed).toBe(signature);
  });

  it('reproduces reference vector V7 (host + x-sdk-date only)', () => {
    // Prepare
    const url = new URL(
      `https://sdrs.ap-southeast-3.myhuaweicloud.com/v1/${pid}/jobs/0000000a-bbbb-cccc-dddd-eeeeeeeeeeee`,
    );
    const headers = { host: url.host, 'x-sdk-date': '20240501T123456Z' };

    // Act
    const computed = rawSignature(
      { method: 'GET', url, headers, body: Buffer.alloc(0) },
      'host;x-sdk-date',
      creds.sk,
    );

    // Assess
    expect(computed).toBe('937a4e028f040ba9e595d51c97b589f70696f2bda5e39a4ffeac12135ce02157');
  });
});
