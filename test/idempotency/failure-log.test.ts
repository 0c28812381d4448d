/**
 * A failure kept under an Idempotency-Key is logged exactly like the same failure without a key:
 * one line per request, with the same level, message and fields. On-call engineers search these
 * lines; a kept 504/502 is the failure that matters most (the group may exist).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetDependencies } from '../../lib/dependencies.js';
import { resetIdempotencyStore } from '../../lib/idempotency/index.js';
import { logger } from '../../lib/observability/logger.js';
import type { Fault } from '../../simulator/index.js';
import { createRequestBody } from '../support/create-body.js';
import { create, json, newKey, useKeyedCreateBackends } from './support.js';

const backends = useKeyedCreateBackends({ SDRS_MAX_RETRIES: '0', SDRS_TIMEOUT_MS: '300' });

beforeEach(() => {
  process.env.IDEMPOTENCY_TABLE = backends.db.tableName;
  resetDependencies();
  resetIdempotencyStore();
});
afterEach(() => {
  logger.setLogLevel('SILENT');
});

type LogLine = Record<string, unknown>;

/** The structured log lines `act` writes (captured, not passed on to the test output). */
async function logLinesOf(act: () => Promise<unknown>): Promise<LogLine[]> {
  const written: string[] = [];
  const original = { out: process.stdout.write, err: process.stderr.write };
  const capture = ((chunk: unknown) => {
    written.push(String(chunk));
    return true;
  }) as typeof process.stdout.write;
  logger.setLogLevel('INFO');
  // Each warm invocation resets the level to the configured one (SILENT in tests): keep INFO.
  const keepLevel = vi.spyOn(logger, 'refreshSampleRateCalculation').mockImplementation(() => {});
  process.stdout.write = capture;
  process.stderr.write = capture;
  try {
    await act();
  } finally {
    process.stdout.write = original.out;
    process.stderr.write = original.err;
    keepLevel.mockRestore();
    logger.setLogLevel('SILENT');
  }
  return written
    .join('')
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

/** The per-request failure lines, without what differs from request to request. */
function failureLines(lines: readonly LogLine[]): LogLine[] {
  return lines
    .filter((line) => ['upstream failed', 'request failed'].includes(String(line.message)))
    .map(({ level, message, code, status, kind, cause, upstream: answer }) => ({
      level,
      message,
      code,
      status,
      kind,
      cause,
      upstream: answer,
    }));
}

describe('a failure kept under an Idempotency-Key', () => {
  it.each<[string, number, Omit<Fault, 'route'>]>([
    ['timed out after SDRS accepted it', 504, { kind: 'no-answer', afterAccept: true }],
    ['was reset after SDRS accepted it', 502, { kind: 'reset', afterAccept: true }],
  ])(
    'a create that %s (%i) logs the same one failure line as without a key',
    async (_name, status, fault) => {
      // Prepare
      backends.sim.inject({ route: 'create', ...fault } as Fault);
      const unkeyed: { statusCode: number }[] = [];
      const withoutKey = await logLinesOf(async () => {
        unkeyed.push(await create(createRequestBody({ name: 'pg-log-unkeyed' })));
      });
      backends.sim.inject({ route: 'create', ...fault } as Fault);
      const key = newKey();
      const body = createRequestBody({ name: 'pg-log-keyed' });
      const keyed: { statusCode: number; body?: string }[] = [];

      // Act
      const withKey = await logLinesOf(async () => {
        keyed.push(await create(body, { key }));
      });

      // Assess
      expect(unkeyed[0]?.statusCode).toBe(status);
      expect(keyed[0]?.statusCode).toBe(status);
      expect(json(keyed[0] ?? {}).detail).toContain('GET /protection-groups?name=');
      const expected = failureLines(withoutKey);
      expect(expected).toEqual([
        expect.objectContaining({ level: 'ERROR', message: 'upstream failed', status }),
      ]);
      expect(failureLines(withKey)).toEqual(expected);
    },
  );
});
