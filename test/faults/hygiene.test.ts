import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handler } from '../../handlers/create-protection-group.js';
import { logger } from '../../lib/observability/logger.js';
import { createRequestBody } from '../support/create-body.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { FAULT_CASES, FAULT_TIMEOUT_MS } from './matrix.js';

const TEMPORARY_CREDENTIALS = {
  ak: 'TMPAK000000000000001',
  sk: 'TemporarySecretKey-Never-Print-Me-0123',
  securityToken: 'gQpjbi1ub3J0aC00-SECURITY-TOKEN-Never-Print-Me+/=',
};

const body = createRequestBody({ name: 'pg-hygiene-01' });

describe('log and response hygiene under the whole fault matrix', () => {
  let upstream: LocalUpstream;
  const output: string[] = [];
  const originalWrites = { out: process.stdout.write, err: process.stderr.write };

  beforeAll(async () => {
    upstream = await startLocalUpstream(
      { credentials: TEMPORARY_CREDENTIALS },
      {
        SDRS_TIMEOUT_MS: String(FAULT_TIMEOUT_MS),
        SDRS_MAX_RETRIES: '1',
      },
    );
    await upstream.writeSecret(TEMPORARY_CREDENTIALS);
    logger.setLogLevel('DEBUG');
    // Captured, not passed on: the matrix's DEBUG lines would only flood the test output.
    const capture = ((chunk: unknown) => {
      output.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    process.stdout.write = capture;
    process.stderr.write = capture;
  });
  afterAll(async () => {
    process.stdout.write = originalWrites.out;
    process.stderr.write = originalWrites.err;
    logger.setLogLevel('SILENT');
    await upstream.close();
  });

  it('never prints or returns the secret key, the security token or an Authorization value', async () => {
    // Prepare
    const responses: string[] = [];

    // Act
    for (const faultCase of FAULT_CASES) {
      upstream.sim.clearFaults();
      upstream.sim.inject({ ...faultCase.fault, route: 'create' } as never);
      const response = await handler(
        httpEvent({ method: 'POST', path: '/protection-groups', body }),
        lambdaContext(),
      );
      responses.push(JSON.stringify(response));
    }
    upstream.sim.clearFaults();
    responses.push(
      JSON.stringify(
        await handler(
          httpEvent({ method: 'POST', path: '/protection-groups', body }),
          lambdaContext(),
        ),
      ),
    );

    // Assess
    const authorizations = upstream.sim
      .requests()
      .map((request) => request.headers.authorization)
      .filter((value): value is string => typeof value === 'string');
    expect(authorizations.length).toBeGreaterThan(FAULT_CASES.length);
    expect(output.join('')).toContain('upstream call'); // the logs were really captured
    const everything = [...output, ...responses].join('\n');
    const signatures = authorizations.map((value) => value.split('Signature=')[1] ?? value);
    for (const secret of [
      TEMPORARY_CREDENTIALS.sk,
      TEMPORARY_CREDENTIALS.securityToken,
      ...authorizations,
      ...signatures,
    ]) {
      expect(everything).not.toContain(secret);
    }
  });
});
