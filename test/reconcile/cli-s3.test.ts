import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../lib/reconcile/report.js';
import { type LocalS3, startLocalS3 } from '../../scripts/local-s3.js';
import { announceLocalStack } from '../../scripts/local-stack.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { type ProcessResult, runProcess } from '../support/run-process.js';
import { stackNoteFor } from './fixtures.js';

const noteDir = mkdtempSync(join(tmpdir(), 'reconcile-cli-s3-'));

/** `npm run reconcile` with exactly the given SDRS, RECONCILE and AWS settings. */
function runCli(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  return runProcess(
    process.execPath,
    ['--import', 'tsx', 'scripts/reconcile.ts', ...args],
    { LOCAL_STACK_FILE: join(noteDir, 'none.json'), ...env },
    ['SDRS_', 'RECONCILE_', 'AWS_'],
  );
}

describe('npm run reconcile with lists and reports in S3', () => {
  let upstream: LocalUpstream;
  let s3: LocalS3;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
    s3 = await startLocalS3({ bucket: 'sdrs-bff-cli-reconcile' });
    await s3.put('lists/desired.yaml', await readFile('examples/reconcile/desired.yaml', 'utf8'));
  });
  afterAll(async () => {
    await s3.close();
    await upstream.close();
  });

  it('reads s3:// and a YAML file through the running npm start stack; reports land in its bucket', async () => {
    // Prepare: the note `npm start` writes, with its simulator and its local S3.
    const { sim } = upstream;
    const env = { LOCAL_STACK_FILE: join(noteDir, 'stack.json') };
    const remove = await announceLocalStack(
      {
        ...stackNoteFor(upstream),
        s3Endpoint: s3.endpoint,
        reconcileBucket: s3.bucket,
        reconcileListKey: 'lists/desired.yaml',
      },
      env,
    );

    // Act
    const fromS3 = await runCli([`s3://${s3.bucket}/lists/desired.yaml`, '--json'], env);
    const fromFile = await runCli(['examples/reconcile/desired.yaml', '--json'], env);
    await remove();

    // Assess: stdout is the report alone; stderr names the upstream and the saved report.
    expect(fromS3.code).toBe(0);
    const first = JSON.parse(fromS3.stdout) as RunReport;
    expect(first).toMatchObject({
      list: { source: `s3://${s3.bucket}/lists/desired.yaml`, format: 'yaml' },
      totals: { items: 3, created: 3 },
    });
    const key = `reports/lists/desired.yaml/${first.startedAt}-${first.runId}.json`;
    expect(fromS3.stderr).toContain(`report: s3://${s3.bucket}/${key}\n`);
    expect(fromFile.code).toBe(0);
    const second = JSON.parse(fromFile.stdout) as RunReport;
    expect(second).toMatchObject({ list: { source: 'inline' }, totals: { exists: 3 } });
    expect(fromFile.stderr).toContain(`report: s3://${s3.bucket}/reports/inline/`);
    expect(sim.acceptedCreates()).toBe(3);
  });

  it('reads from any S3-compatible endpoint named by AWS_ENDPOINT_URL_S3; a missing list exits 2', async () => {
    // Prepare
    const { sim, secretFile } = upstream;
    const env = {
      ...s3.env,
      SDRS_ENDPOINT: sim.url,
      SDRS_PROJECT_ID: sim.projectId,
      SDRS_SECRET_FILE: secretFile,
    };

    // Act
    const dry = await runCli([`s3://${s3.bucket}/lists/desired.yaml`, '--dry-run', '--json'], env);
    const summary = await runCli([`s3://${s3.bucket}/lists/desired.yaml`, '--dry-run'], env);
    const missing = await runCli([`s3://${s3.bucket}/lists/nobody.yaml`], env);

    // Assess
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, totals: { items: 3 } });
    expect(summary.stdout).toContain(`  list: s3://${s3.bucket}/lists/desired.yaml\n`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(
      /NoSuchKey: nothing at s3:\/\/sdrs-bff-cli-reconcile\/lists\/nobody\.yaml/,
    );
  });
});
