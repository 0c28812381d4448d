/**
 * Test client for the simulator: signs with the OFFICIAL signer (simulator/official-signer.ts)
 * and sends with node:http, so tests see exactly what went over the wire (resets, stalls, ...).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import type { SdrsSimulator, SimulatorCredentials } from '../../simulator/index.js';
import { officialSign } from '../../simulator/official-signer.js';
import { rawSignature } from '../../simulator/raw-verifier.js';

/** What to send. */
export interface SendOptions {
  method?: string;
  /** Path after `/v1/{project_id}`, e.g. `/server-groups` (or a full path with `absolutePath`). */
  path: string;
  absolutePath?: boolean;
  query?: Record<string, string>;
  /** Object → `JSON.stringify`; string → sent verbatim (non-canonical JSON is signed byte-level). */
  body?: string | object;
  credentials?: SimulatorCredentials;
  /** Signing clock (default now). */
  now?: Date;
  /** `X-Project-Id` value; `null` = do not send it (default: the simulator's project). */
  projectHeader?: string | null;
  /** Replace headers after signing (e.g. a tampered signature); `null` removes. */
  override?: Record<string, string | null>;
  /** Do not sign at all. */
  unsigned?: boolean;
  /** Abort after this many ms (the promise rejects with message `client timeout`). */
  timeoutMs?: number;
}

/** What came back. */
export interface Received {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Parsed JSON body (undefined if not JSON). */
  json: unknown;
  /** ms from send to response headers, and to the end of the body. */
  headersAfterMs: number;
  endAfterMs: number;
}

function bodyText(body: SendOptions['body']): string | undefined {
  if (body === undefined) return undefined;
  return typeof body === 'string' ? body : JSON.stringify(body);
}

function isCanonical(text: string): boolean {
  try {
    return JSON.stringify(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}

/** Build the signed header set for a request to the simulator. */
export function signedHeaders(
  sim: SdrsSimulator,
  opts: SendOptions,
  url: URL,
): Record<string, string> {
  const method = opts.method ?? 'GET';
  const body = bodyText(opts.body);
  const creds = opts.credentials ?? sim.credentials;
  const toSign: Record<string, string> = {};
  if (body !== undefined) toSign['content-type'] = 'application/json';
  const project = opts.projectHeader === undefined ? sim.projectId : opts.projectHeader;
  if (project !== null) toSign['x-project-id'] = project;
  const now = opts.now ?? new Date();
  if (opts.unsigned) return { ...toSign, host: url.host };
  if (body === undefined || body === '' || isCanonical(body)) {
    return officialSign({
      method,
      url,
      headers: toSign,
      body,
      now,
      ak: creds.ak,
      sk: creds.sk,
      securityToken: creds.securityToken,
    });
  }
  // Not representable by the official signer: sign the exact bytes with the byte-level signer.
  const headers: Record<string, string> = {
    ...toSign,
    host: url.host,
    'x-sdk-date': now.toISOString().replace(/[-:]|\.\d{3}/g, ''),
  };
  if (creds.securityToken !== undefined) headers['x-security-token'] = creds.securityToken;
  const names = Object.keys(headers).sort().join(';');
  const signature = rawSignature(
    { method, url, headers, body: Buffer.from(body, 'utf8') },
    names,
    creds.sk,
  );
  headers.authorization = `SDK-HMAC-SHA256 Access=${creds.ak}, SignedHeaders=${names}, Signature=${signature}`;
  return headers;
}

/** Sign (unless `unsigned`) and send one request to the simulator. */
export function send(sim: SdrsSimulator, opts: SendOptions): Promise<Received> {
  const path = opts.absolutePath ? opts.path : `/v1/${sim.projectId}${opts.path}`;
  const url = new URL(path, sim.url);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.append(k, v);
  const headers = signedHeaders(sim, opts, url);
  for (const [k, v] of Object.entries(opts.override ?? {})) {
    if (v === null) delete headers[k];
    else headers[k] = v;
  }
  const body = bodyText(opts.body);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: opts.method ?? 'GET', headers, agent: false }, (res) => {
      const headersAfterMs = performance.now() - started;
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          text,
          json,
          headersAfterMs,
          endAfterMs: performance.now() - started,
        });
      });
    });
    req.on('error', reject);
    if (opts.timeoutMs !== undefined) {
      req.setTimeout(opts.timeoutMs, () => req.destroy(new Error('client timeout')));
    }
    req.end(body);
  });
}

/** A valid create body for the available seed domain. */
export function createBody(overrides: Record<string, unknown> = {}): {
  server_group: Record<string, unknown>;
} {
  return {
    server_group: {
      name: 'pg-web-01',
      description: 'web tier',
      source_availability_zone: 'ap-southeast-3a',
      target_availability_zone: 'ap-southeast-3b',
      domain_id: '3f6c1b8a-2d4e-4f10-9a7b-5c8d9e0f1a2b',
      source_vpc_id: '046852ef-c49d-409b-8389-546aaaa5701f',
      dr_type: 'migration',
      ...overrides,
    },
  };
}
