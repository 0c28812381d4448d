import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../lib/reconcile/report.js';
import { announceLocalStack } from '../../scripts/local-stack.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { type ProcessResult, runProcess } from '../support/run-process.js';
import { existingFields, stackNoteFor } from './fixtures.js';

/** No `npm start` note unless a test writes one (a developer's running stack must not leak in). */
const noteDir = mkdtempSync(join(tmpdir(), 'reconcile-cli-'));
const noStack = { LOCAL_STACK_FILE: join(noteDir, 'none.json') };

/** Runs `scripts/reconcile.ts` as `npm run reconcile` does, with exactly the given SDRS settings. */
function runCli(args: string[], env: Record<string, string>): Promise<ProcessResult> {
  return runProcess(
    process.execPath,
    ['--import', 'tsx', 'scripts/reconcile.ts', ...args],
    { ...noStack, ...env },
    ['SDRS_', 'RECONCILE_'],
  );
}

describe('npm run reconcile', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream();
  });
  afterAll(async () => {
    await upstream.close();
  });

  it('runs the sample against an embedded simulator when SDRS_ENDPOINT is unset', async () => {
    // Act
    const result = await runCli(['examples/reconcile/mixed.json', '--json'], {});

    // Assess
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as RunReport;
    expect(report.totals).toMatchObject({
      items: 4,
      created: 1,
      invalid: 1,
      duplicate: 1,
      failed: 1,
    });
    expect(result.stderr).toMatch(
      /^upstream: SDRS simulator on http:\/\/127\.0\.0\.1:\d+ \(embedded in this command/,
    );
  });

  it('runs against SDRS_ENDPOINT and ends with a readable summary', async () => {
    // Prepare
    const { sim, secretFile } = upstream;
    sim.seedGroup({
      ...existingFields('pg-web-01'),
      description: 'web tier',
      source_vpc_id: 'vpc-0a1b2c3d',
    });
    sim.seedGroup({ ...existingFields('pg-app-01'), source_vpc_id: 'vpc-other' });
    const env = {
      SDRS_ENDPOINT: sim.url,
      SDRS_PROJECT_ID: sim.projectId,
      SDRS_SECRET_FILE: secretFile,
    };

    // Act
    const result = await runCli(['examples/reconcile/desired.json'], env);

    // Assess
    expect(result.code).toBe(0);
    expect(sim.acceptedCreates()).toBe(1);
    expect(result.stdout).toMatch(/created\s+1\n/);
    expect(result.stdout).toMatch(/exists\s+1\n/);
    expect(result.stdout).toMatch(/drift\s+1\n/);
    expect(result.stdout).toContain(
      '#1 pg-app-01: description is "desired pg-app-01", desired "application tier"',
    );
    expect(result.stdout).toMatch(/Complete\.\n$/);
  });

  it('acts on the running npm start stack, and says so', async () => {
    // Prepare: the note `npm start` writes, naming this test's simulator; the process is alive.
    const { sim } = upstream;
    const stackFile = join(noteDir, 'stack.json');
    const env = { LOCAL_STACK_FILE: stackFile };
    const remove = await announceLocalStack(stackNoteFor(upstream), env);
    sim.seedGroup({ ...existingFields('pg-db-01'), source_vpc_id: 'vpc-0a1b2c3d' });
    const created = sim.acceptedCreates();

    // Act
    const first = await runCli(['examples/reconcile/desired.json', '--json'], env);
    await remove();
    const afterStop = await runCli(['examples/reconcile/desired.json', '--dry-run', '--json'], env);

    // Assess
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`upstream: SDRS simulator on ${sim.url} (the running npm start`);
    const report = JSON.parse(first.stdout) as RunReport;
    expect(report.totals.exists).toBeGreaterThanOrEqual(1);
    expect(sim.acceptedCreates()).toBe(created + report.totals.created);
    expect(afterStop.stderr).toMatch(/^upstream: .*embedded in this command/);
  });

  it('with --dry-run creates nothing; a bad file is a usage error (exit 2)', async () => {
    // Prepare
    const { sim, secretFile } = upstream;
    const env = {
      SDRS_ENDPOINT: sim.url,
      SDRS_PROJECT_ID: sim.projectId,
      SDRS_SECRET_FILE: secretFile,
    };
    const created = sim.acceptedCreates();

    // Act
    const dry = await runCli(['examples/reconcile/mixed.json', '--dry-run', '--json'], env);
    const missing = await runCli(['examples/reconcile/no-such-file.json'], env);

    // Assess
    expect(dry.code).toBe(0);
    expect((JSON.parse(dry.stdout) as RunReport).dryRun).toBe(true);
    expect(sim.acceptedCreates()).toBe(created);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read examples\/reconcile\/no-such-file\.json/);
  });
});
