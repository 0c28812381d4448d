/**
 * Traffic for Prism's validating proxy: every fault toggle on every front-end operation, a job
 * made to fail, the idempotency-store outage, replays, and the requests a client gets wrong. Each
 * exchange is returned with the violations Prism reported for it.
 */
import { createRequestBody } from '../support/create-body.js';
import { type Violation, violationsOf } from './prism.js';

export interface Exchange {
  readonly what: string;
  readonly status: number;
  readonly request: Violation[];
  readonly response: Violation[];
}

const TOGGLES: readonly object[] = [
  { fault: 'throttled', retryAfter: 3 },
  { fault: 'unavailable', retryAfter: 3 },
  { fault: 'failing' },
  { fault: 'rejected', code: 'SDRS.0233' },
  { fault: 'rejected', status: 409 },
  { fault: 'credentials-rejected' },
  { fault: 'permission-denied', code: 'SDRS.0001' },
];

/** Sends the traffic through `proxyUrl` with `token`; toggles go straight to the simulator. */
export async function sendContractTraffic(
  proxyUrl: string,
  simulatorUrl: string,
  token: string,
): Promise<Exchange[]> {
  const exchanges: Exchange[] = [];
  const send = async (what: string, path: string, init: RequestInit = {}) => {
    const response = await fetch(`${proxyUrl}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string>) },
    });
    const text = await response.text();
    exchanges.push({ what, status: response.status, ...violationsOf(response) });
    return text;
  };
  const toggle = async (what: object) => {
    const response = await fetch(`${simulatorUrl}/_simulator/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(what),
    });
    if (response.status !== 201) throw new Error(`toggle refused: ${await response.text()}`);
  };
  const create = (name: string, key?: string): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key && { 'idempotency-key': key }) },
    body: JSON.stringify(createRequestBody({ name })),
  });
  const operations: [string, () => Promise<string>][] = [
    ['create', () => send('create', '/protection-groups', create('pg-prism-toggle'))],
    ['list', () => send('list', '/protection-groups?limit=5')],
    ['domains', () => send('domains', '/active-domains')],
    ['job', () => send('job', '/jobs/0123456789abcdef0123456789abcdef')],
  ];

  for (const [operation, call] of operations) {
    for (const fault of TOGGLES) {
      await toggle({ operation, ...fault });
      await call();
    }
  }
  await toggle({ operation: 'create', fault: 'timeout' }); // answers after SDRS_TIMEOUT_MS
  await send('create timed out', '/protection-groups', create('pg-prism-timeout'));

  await toggle({ operation: 'create', fault: 'job-fails', code: 'SDRS.1015' });
  const { jobId } = JSON.parse(await send('create', '/protection-groups', create('pg-prism-jf')));
  for (let poll = 0; poll < 3; poll++) await send('poll a failing job', `/jobs/${jobId}`);

  await toggle({ operation: 'idempotency-store', fault: 'unavailable' });
  await send('store outage', '/protection-groups', create('pg-prism-store', 'prism-key-0001'));
  await send('after the outage', '/protection-groups', create('pg-prism-store', 'prism-key-0001'));
  await send('replay', '/protection-groups', create('pg-prism-store', 'prism-key-0001'));
  await send('key reused', '/protection-groups', create('pg-prism-other', 'prism-key-0001'));

  // What a client gets wrong: Prism reports the request, the answer must still match.
  const json = { 'content-type': 'application/json' };
  await send('invalid body', '/protection-groups', { method: 'POST', headers: json, body: '{}' });
  await send('text body', '/protection-groups', {
    method: 'POST',
    headers: { 'content-type': 'text/plain' },
    body: 'x',
  });
  await send('invalid key', '/protection-groups', create('pg-prism-key', 'short'));
  await send('invalid query', '/protection-groups?limit=0');
  await send('unknown job', '/jobs/0123456789abcdef0123456789abcdee');
  await send('the document', '/openapi.json');
  return exchanges;
}
