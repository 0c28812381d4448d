import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSecretConfig, readUpstreamConfig } from '../../lib/config.js';
import { logger } from '../../lib/observability/logger.js';
import { readReconcileConfig } from '../../lib/reconcile/config.js';
import {
  configurationProblems,
  refuseToStartUnlessConfigured,
  requireIdempotencyTable,
} from '../../lib/startup.js';

const complete = {
  AWS_LAMBDA_FUNCTION_NAME: 'sdrs-bff-prod-createProtectionGroup',
  SDRS_ENDPOINT: 'https://sdrs.eu-west-101.myhuaweicloud.eu',
  SDRS_PROJECT_ID: '0123456789abcdef0123456789abcdef',
  SDRS_SECRET_ID: 'sdrs-bff/credentials',
  IDEMPOTENCY_TABLE: 'sdrs-bff-prod-idempotency',
};
const createReaders = [readUpstreamConfig, readSecretConfig, requireIdempotencyTable];

describe('refusing to start on missing or malformed configuration', () => {
  const lines: string[] = [];
  const writes = { out: process.stdout.write, err: process.stderr.write };
  const capture = ((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;

  beforeEach(() => {
    lines.length = 0;
    logger.setLogLevel('INFO');
    process.stdout.write = capture;
    process.stderr.write = capture;
  });
  afterEach(() => {
    process.stdout.write = writes.out;
    process.stderr.write = writes.err;
    logger.setLogLevel('SILENT');
  });

  it('lists every problem at once, naming each variable', () => {
    // Prepare
    const env = {
      ...complete,
      SDRS_ENDPOINT: undefined,
      SDRS_TIMEOUT_MS: 'ten',
      IDEMPOTENCY_TABLE: '',
      RECONCILE_RATE_PER_SECOND: '500',
    };

    // Act
    const problems = configurationProblems([...createReaders, readReconcileConfig], env);

    // Assess
    expect(problems).toEqual([
      'SDRS_ENDPOINT is not set',
      'SDRS_TIMEOUT_MS must be an integer from 100 to 120000, got "ten"',
      'IDEMPOTENCY_TABLE is not set',
      'RECONCILE_RATE_PER_SECOND must be an integer from 1 to 100, got "500"',
    ]);
  });

  it('inside Lambda, throws and logs one CRITICAL line with the problems', () => {
    // Prepare
    const env = { ...complete, SDRS_PROJECT_ID: 'not a project', PROBLEM_TYPE_BASE_URL: 'docs/' };

    // Act
    const act = () => refuseToStartUnlessConfigured(createReaders, env);

    // Assess
    expect(act).toThrow(/^Refusing to start: PROBLEM_TYPE_BASE_URL .*; SDRS_PROJECT_ID must be/);
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0] as string);
    expect(line).toMatchObject({
      level: 'CRITICAL',
      message: 'Refusing to start: the configuration is missing or malformed',
      function: complete.AWS_LAMBDA_FUNCTION_NAME,
    });
    expect(line.problems).toHaveLength(2);
  });

  it('starts quietly when the configuration is complete', () => {
    // Act
    refuseToStartUnlessConfigured(createReaders, complete);

    // Assess
    expect(lines).toEqual([]);
  });

  it('checks nothing outside Lambda, where tests and scripts configure after importing', () => {
    // Act
    refuseToStartUnlessConfigured(createReaders, {});

    // Assess
    expect(lines).toEqual([]);
  });
});
