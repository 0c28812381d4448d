import { execFile, execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator } from '../../simulator/index.js';
import { createRequestBody } from '../support/create-body.js';
import { startDynalite } from '../support/dynalite.js';
import { httpEvent } from '../support/events.js';
import { startFakeSecretsManager } from '../support/fake-secrets-manager.js';
import { discard, FUNCTIONS, type Packaged, packageService, zipEntries } from './packaging.js';

/** Each function ships only its own bundle, and a bundle refuses to run misconfigured. */
describe('the packaged function bundles', () => {
  let ci: Packaged;

  beforeAll(async () => {
    // Prepare
    ci = await packageService('ci');
  }, 300_000);
  afterAll(() => discard(ci));

  it('zips each function with only its own bundle, and only what that bundle imports', async () => {
    for (const [name, file] of Object.entries(FUNCTIONS)) {
      // Act
      const entries = await zipEntries(join(ci.dir, `${name}.zip`));

      // Assess
      expect(entries).toEqual([`handlers/${file}.mjs`]);
    }
    const bundle = (name: string) =>
      execFileSync('unzip', ['-p', join(ci.dir, `${name}.zip`)], {
        maxBuffer: 16 * 1024 * 1024,
        encoding: 'utf8',
      });
    // No upstream where nothing needs it; no AWS SDK in any function that serves requests (the
    // SDK's user-agent strings name @aws-sdk: the outcome watcher's SQS client still has them).
    for (const name of ['getOpenApi', 'notFound']) {
      expect(bundle(name)).not.toMatch(/@aws-sdk|GetSecretValue/);
    }
    for (const name of [
      'createProtectionGroup',
      'webhook',
      'getJob',
      'getActiveDomains',
      'listProtectionGroups',
    ]) {
      expect(bundle(name)).not.toMatch(/@aws-sdk|@smithy/);
    }
    expect(bundle('outcomeWatcher')).toMatch(/@aws-sdk/);
    expect(bundle('getJob')).not.toMatch(/DynamoDB_20120810|webhook-signature/);
    expect(bundle('webhook')).toMatch(/webhook-signature/);
    // Dead code stays out (serverless.yml `exclude`): the streams polyfill, the multipart parser.
    for (const name of Object.keys(FUNCTIONS)) {
      expect(bundle(name)).not.toMatch(/ReadableByteStreamController|stream ended unexpectedly/);
    }
    // The S3 client only where the reconcile list and reports are used; YAML only to read lists.
    for (const name of Object.keys(FUNCTIONS)) {
      const withS3 = name === 'reconcile' || name === 'getLatestReconcileRun';
      expect(bundle(name).includes('GetObjectCommand')).toBe(withS3);
      expect(bundle(name).includes('Excessive alias count')).toBe(name === 'reconcile');
    }
  });

  it('loads every bundle as Lambda loads an ES module (a CommonJS require inside must work)', async () => {
    // Prepare
    const root = await mkdtemp(join(tmpdir(), 'sdrs-bff-bundles-'));
    for (const name of Object.keys(FUNCTIONS)) {
      execFileSync('unzip', ['-qo', join(ci.dir, `${name}.zip`), '-d', root]);
    }
    const imports = Object.values(FUNCTIONS)
      .map((file) => `await import('${pathToFileURL(join(root, `handlers/${file}.mjs`)).href}');`)
      .join('');

    try {
      // Act
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', `${imports} console.log('loaded');`],
        {
          env: { PATH: process.env.PATH, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
        },
      );

      // Assess
      expect(stdout.trim()).toBe('loaded');
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('the packaged create function serves keyed creates with no AWS SDK (records, secret, node-fetch bodies)', async () => {
    // Prepare: its zip as Lambda unpacks it, the SDRS simulator, dynalite, a Secrets Manager.
    const root = await mkdtemp(join(tmpdir(), 'sdrs-bff-bundle-'));
    execFileSync('unzip', ['-q', join(ci.dir, 'createProtectionGroup.zip'), '-d', root]);
    const entry = pathToFileURL(join(root, 'handlers/create-protection-group.mjs')).href;
    const sim = await startSimulator();
    const secrets = await startFakeSecretsManager();
    secrets.setSecret('sdrs-bff/credentials', JSON.stringify(sim.credentials));
    const db = await startDynalite({ tableName: 'bundle-idempotency' });
    const request = (requestId: string) =>
      httpEvent({
        method: 'POST',
        path: '/protection-groups',
        body: createRequestBody({ name: 'pg-bundle-01' }),
        headers: { 'Idempotency-Key': '5f0c7d52-8a36-4a8e-9d57-2a1b3c4d5e6f' },
        requestId,
      });
    const invokeTwice = `
      const { handler } = await import(${JSON.stringify(entry)});
      const context = { awsRequestId: 'a', functionName: 'f', getRemainingTimeInMillis: () => 20000 };
      const answers = [];
      for (const event of JSON.parse(process.env.EVENTS)) answers.push(await handler(event, context));
      process.stdout.write(JSON.stringify(answers));`;

    try {
      // Act
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', invokeTwice],
        {
          env: {
            PATH: process.env.PATH,
            POWERTOOLS_LOG_LEVEL: 'SILENT',
            SDRS_ENDPOINT: sim.url,
            SDRS_PROJECT_ID: sim.projectId,
            SDRS_SECRET_ID: 'sdrs-bff/credentials',
            AWS_ENDPOINT_URL_SECRETS_MANAGER: secrets.url,
            ...db.env,
            EVENTS: JSON.stringify([request('first'), request('retry')]),
          },
        },
      );

      // Assess: created once, the retry replayed, the record completed in the table.
      const [first, retry] = JSON.parse(stdout) as Array<{
        statusCode: number;
        headers: Record<string, string>;
        body: string;
      }>;
      expect([first?.statusCode, retry?.statusCode]).toEqual([202, 202]);
      expect(retry?.headers['idempotent-replayed']).toBe('true');
      expect(JSON.parse(retry?.body ?? '{}').jobId).toBe(JSON.parse(first?.body ?? '{}').jobId);
      expect(sim.acceptedCreates()).toBe(1);
      expect(secrets.reads('sdrs-bff/credentials')).toBe(1);
      expect(await db.records()).toMatchObject([{ status: 'COMPLETED' }]);
    } finally {
      await Promise.all([sim.close(), secrets.close(), db.close()]);
      await rm(root, { recursive: true, force: true });
    }
  });

  it('deployed bundles refuse to start without their configuration, naming what is wrong', async () => {
    // Prepare: the create function's zip as Lambda would unpack it, started as Lambda would.
    const root = await mkdtemp(join(tmpdir(), 'sdrs-bff-bundle-'));
    execFileSync('unzip', ['-q', join(ci.dir, 'createProtectionGroup.zip'), '-d', root]);
    const entry = pathToFileURL(join(root, 'handlers/create-protection-group.mjs')).href;
    const start = (env: Record<string, string>) =>
      promisify(execFile)(
        process.execPath,
        ['--input-type=module', '-e', `await import('${entry}')`],
        {
          env: { PATH: process.env.PATH, POWERTOOLS_LOG_LEVEL: 'INFO', ...env },
        },
      ).then(
        (done) => ({ code: 0, output: done.stdout + done.stderr }),
        (failed: { code: number; stdout: string; stderr: string }) => ({
          code: failed.code,
          output: failed.stdout + failed.stderr,
        }),
      );
    const lambda = { AWS_LAMBDA_FUNCTION_NAME: 'sdrs-bff-ci-createProtectionGroup' };
    const complete = {
      ...lambda,
      SDRS_ENDPOINT: 'https://sdrs.eu-west-101.myhuaweicloud.eu',
      SDRS_PROJECT_ID: '0123456789abcdef0123456789abcdef',
      SDRS_SECRET_ID: 'sdrs-bff/credentials',
      IDEMPOTENCY_TABLE: 'sdrs-bff-ci-idempotency',
    };

    try {
      // Act
      const [broken, configured] = await Promise.all([
        start({ ...lambda, SDRS_PROJECT_ID: 'no spaces allowed', SDRS_TIMEOUT_MS: '0' }),
        start(complete),
      ]);

      // Assess
      expect(broken.code).not.toBe(0);
      const line = broken.output.split('\n').find((l) => l.includes('"CRITICAL"'));
      expect(JSON.parse(line ?? '{}')).toMatchObject({
        message: 'Refusing to start: the configuration is missing or malformed',
        function: lambda.AWS_LAMBDA_FUNCTION_NAME,
        problems: [
          'SDRS_ENDPOINT is not set',
          'SDRS_PROJECT_ID must be letters, digits, "_" or "-"',
          'SDRS_TIMEOUT_MS must be an integer from 100 to 120000, got "0"',
          'Set SDRS_SECRET_ID (Secrets Manager) or SDRS_SECRET_FILE',
          'IDEMPOTENCY_TABLE is not set',
        ],
      });
      expect(configured).toEqual({ code: 0, output: '' });
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
