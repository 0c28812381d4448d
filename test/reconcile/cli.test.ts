import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../lib/reconcile/report.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { existingFields } from './fixtures.js';

interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `scripts/reconcile.ts` as `npm run reconcile` does, with exactly the given SDRS settings. */
function runCli(args: string[], env: Record<string, string>): Promise<CliResult> {
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !/^(SDRS_|RECONCILE_)/.test(name)),
  );
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/reconcile.ts', ...args], {
      cwd: process.cwd(),
      env: { ...base, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
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
    expect(result.stderr).toMatch(/SDRS simulator on http:\/\/127\.0\.0\.1:\d+ \(embedded/);
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
