import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { handler } from '../../handlers/create-protection-group.js';
import { buildOpenApiDocument } from '../../lib/openapi/document.js';
import type { SdrsSimulator } from '../../simulator/index.js';
import { Contract } from '../openapi/contract.js';
import { createRequestBody } from '../support/create-body.js';
import { startDynalite, type TestDynamoDb } from '../support/dynalite.js';
import { httpEvent, lambdaContext } from '../support/events.js';
import { type LocalUpstream, startLocalUpstream } from '../support/local-upstream.js';

export const validBody = createRequestBody({ description: 'web tier' });

/** The idempotency table and the SDRS simulator a test file sends its keyed creates to. */
export interface KeyedCreateBackends {
  /** dynalite with the idempotency table (set once the file's `beforeAll` has run). */
  readonly db: TestDynamoDb;
  /** The SDRS simulator behind the handler (set once the file's `beforeAll` has run). */
  readonly sim: SdrsSimulator;
}

/**
 * Registers the hooks every keyed-create test file needs: dynalite and the simulator (with
 * `env`, e.g. `SDRS_MAX_RETRIES`) start once for the file and stop after it; before each test
 * the simulator forgets its requests and faults and the table is emptied.
 */
export function useKeyedCreateBackends(env: Record<string, string>): KeyedCreateBackends {
  const backends = {} as { db: TestDynamoDb; sim: SdrsSimulator };
  let upstream: LocalUpstream;
  beforeAll(async () => {
    backends.db = await startDynalite();
    upstream = await startLocalUpstream({}, env);
    backends.sim = upstream.sim;
  });
  afterAll(async () => {
    await upstream.close();
    await backends.db.close();
  });
  beforeEach(async () => {
    backends.sim.reset();
    await backends.db.clear();
  });
  return backends;
}

export interface CreateOptions {
  /** Sent as `Idempotency-Key` (mixed case, as a browser would) unless undefined. */
  readonly key?: string;
  /** The caller's JWT `sub` (default: the events helper's user). */
  readonly sub?: string;
  readonly requestId?: string;
}

/** A fresh random key, as a client would make one per logical create. */
export function newKey(): string {
  return randomUUID();
}

/** The OpenAPI document every answer of these tests is checked against. */
const contract = new Contract(buildOpenApiDocument());

/**
 * Invokes the real handler with an API Gateway event for `POST /protection-groups`. Every answer,
 * replays and store failures included, must be one the OpenAPI document declares (else it throws).
 */
export async function create(body: unknown, options: CreateOptions = {}) {
  const response = await handler(
    httpEvent({
      method: 'POST',
      path: '/protection-groups',
      body,
      headers: options.key === undefined ? {} : { 'Idempotency-Key': options.key },
      ...(options.requestId && { requestId: options.requestId }),
      ...(options.sub && {
        auth: { sub: options.sub, scopes: ['sdrs-bff/protection-groups.write'] },
      }),
    }),
    lambdaContext(),
  );
  contract.check('post', '/protection-groups', {
    status: response.statusCode,
    headers: response.headers ?? {},
    body: response.body === undefined ? undefined : JSON.parse(response.body),
  });
  return response;
}

/** The parsed JSON body of a handler response. */
export function json(response: { body?: string }): Record<string, unknown> {
  return JSON.parse(response.body ?? 'null') as Record<string, unknown>;
}

/** Create requests the simulator received (accepted or not). */
export function createsReceived(sim: SdrsSimulator): number {
  return sim.requests().filter((r) => r.route === 'create').length;
}

/** Waits until the simulator has received `count` creates (a synchronisation point, not a timing check). */
export async function untilCreatesReceived(sim: SdrsSimulator, count: number): Promise<void> {
  for (let waited = 0; createsReceived(sim) < count; waited += 5) {
    if (waited > 10_000) throw new Error(`the simulator never received ${count} create(s)`);
    await sleep(5);
  }
}
