import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import fetch, { FetchError } from 'node-fetch';
import { UpstreamError } from '../problems/errors.js';
import { CallDeadline } from './call-deadline.js';
import type { UpstreamAnswer } from './normalise.js';

/**
 * One keep-alive agent per protocol per container: every invocation reuses the warm TLS
 * connections instead of paying a handshake per upstream call.
 */
const httpAgent = new HttpAgent({ keepAlive: true, maxSockets: 64 });
const httpsAgent = new HttpsAgent({ keepAlive: true, maxSockets: 64 });
const agentFor = (url: URL) => (url.protocol === 'http:' ? httpAgent : httpsAgent);

/** Error bodies are a few hundred bytes; anything beyond this is cut, never buffered whole. */
export const MAX_ANSWER_BYTES = 64 * 1024;

export interface OutgoingRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface TransportOptions {
  /** Whole-call budget: connecting, waiting for headers and reading the body. */
  readonly timeoutMs: number;
  readonly maxAnswerBytes?: number;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED']);
const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME', 'EAI_FAIL']);

function networkError(error: unknown, timedOut: boolean): UpstreamError {
  const code = error instanceof FetchError ? error.code : undefined;
  if (timedOut) {
    return new UpstreamError('UPSTREAM_TIMEOUT', 'SDRS did not answer within the timeout', {
      kind: 'timeout',
      cause: error,
    });
  }
  if (code && NOT_SENT_CODES.has(code)) {
    return new UpstreamError('UPSTREAM_UNAVAILABLE', 'SDRS refused the connection', {
      kind: 'refused',
      cause: error,
    });
  }
  if (code && DNS_CODES.has(code)) {
    return new UpstreamError('UPSTREAM_UNAVAILABLE', 'The SDRS host name did not resolve', {
      kind: 'dns',
      cause: error,
    });
  }
  return new UpstreamError('UPSTREAM_UNAVAILABLE', 'The connection to SDRS broke', {
    kind: 'reset',
    cause: error,
  });
}

async function readBounded(
  body: NodeJS.ReadableStream,
  maxBytes: number,
): Promise<{ body: Buffer; truncated: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    if (size + buffer.length > maxBytes) {
      chunks.push(buffer.subarray(0, maxBytes - size));
      (body as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      return { body: Buffer.concat(chunks), truncated: true };
    }
    chunks.push(buffer);
    size += buffer.length;
  }
  return { body: Buffer.concat(chunks), truncated: false };
}

/**
 * Sends one request and reads the answer within one timeout. Never resends: whether a request
 * may be sent again is the caller's decision (see `UpstreamError.kind`).
 */
export async function sendRequest(
  request: OutgoingRequest,
  options: TransportOptions,
): Promise<UpstreamAnswer> {
  const deadline = new CallDeadline(options.timeoutMs);
  try {
    const response = await fetch(request.url.href, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      agent: agentFor,
      signal: deadline,
      redirect: 'manual',
      compress: false,
    });
    const { body, truncated } = response.body
      ? await readBounded(response.body, options.maxAnswerBytes ?? MAX_ANSWER_BYTES)
      : { body: Buffer.alloc(0), truncated: false };
    const { headers } = response;
    return {
      status: response.status,
      // Read when asked: a successful answer needs only its request id, and each lookup in
      // node-fetch's Headers goes through a Proxy and a name check.
      get contentType() {
        return headers.get('content-type') ?? undefined;
      },
      requestId: headers.get('x-request-id') ?? undefined,
      get retryAfter() {
        return headers.get('retry-after') ?? undefined;
      },
      body,
      truncated,
    };
  } catch (error) {
    throw networkError(error, deadline.aborted);
  } finally {
    deadline.clear();
  }
}
