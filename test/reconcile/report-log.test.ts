/**
 * What an operator sees of a run that must be retried: one structured log line with the whole
 * report, EMF metrics per outcome, and a failed invocation (so Lambda retries, then the DLQ).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../../handlers/reconcile.js';
import { ReconcileIncompleteError } from '../../lib/reconcile/errors.js';
import { lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';
import { desired } from './fixtures.js';

vi.hoisted(() => {
  // The logger reads its level once, when it is built (vitest's default is SILENT).
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
});

/** The JSON lines written while `act` runs: logs (warn and error go to stderr) and EMF metrics. */
async function outputLines(act: () => Promise<unknown>): Promise<Record<string, unknown>[]> {
  const lines: string[] = [];
  const capture = (chunk: unknown) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation(capture),
    vi.spyOn(process.stderr, 'write').mockImplementation(capture),
  ];
  try {
    await act();
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
  return lines.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });
}

describe('reconcile handler: an incomplete run', () => {
  let upstream: LocalUpstream;

  beforeAll(async () => {
    upstream = await startLocalUpstream(
      {},
      { SDRS_TIMEOUT_MS: '1000', RECONCILE_RATE_PER_SECOND: '50', RECONCILE_TIME_RESERVE_MS: '0' },
    );
  });
  afterAll(async () => {
    await upstream.close();
  });

  it('is reported, logged as one line and counted, then throws; the uncertain create is not resent', async () => {
    // Prepare
    const { sim } = upstream;
    sim.inject({ route: 'create', kind: 'no-answer', afterAccept: true });
    const input = { protectionGroups: [desired('pg-a'), desired('pg-b'), { name: 'bad name' }] };

    // Act
    let thrown: unknown;
    const lines = await outputLines(async () => {
      thrown = await handler(input, lambdaContext(60_000)).catch((error: unknown) => error);
    });

    // Assess
    expect(thrown).toBeInstanceOf(ReconcileIncompleteError);
    const report = (thrown as ReconcileIncompleteError).report;
    expect(report.totals).toMatchObject({ created: 1, uncertain: 1, invalid: 1 });
    const uncertain = report.items.find((item) => item.outcome === 'uncertain');
    expect(uncertain).toMatchObject({ problem: { code: 'UPSTREAM_TIMEOUT', retryable: true } });
    expect(sim.requests().filter((r) => r.route === 'create')).toHaveLength(2);
    expect(sim.acceptedCreates()).toBe(2);
    const reportLines = lines.filter((line) => line.message === 'reconcile report');
    expect(reportLines).toHaveLength(1);
    expect(reportLines[0]).toMatchObject({
      level: 'WARN',
      function_request_id: expect.any(String),
      report: { complete: false, totals: { uncertain: 1 } },
    });
    expect(lines.find((line) => '_aws' in line)).toMatchObject({
      ReconcileCreated: 1,
      ReconcileUncertain: 1,
      ReconcileInvalid: 1,
      ReconcileFailed: 0,
      ReconcileIncompleteRuns: 1,
    });
  });
});
