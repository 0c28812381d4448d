/**
 * What-if shim (bench only): the part of node-fetch's API that lib/ uses (lib/upstream/transport.ts,
 * lib/aws/json-client.ts),
 * served by `node:http`/`node:https` directly — what a transport without node-fetch would do.
 * The benchmark swaps it in for node-fetch inside lib/ only (the bare baseline keeps node-fetch)
 * to measure what dropping node-fetch (and web-streams-polyfill under it) would change.
 */
import { type Agent, request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** node-fetch's error class; `code` is the system error code (ECONNREFUSED, ...). */
export class FetchError extends Error {
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.name = 'FetchError';
    this.code = code;
  }
}

interface FetchInit {
  readonly method?: string;
  readonly headers?: Record<string, string>;
  readonly body?: string;
  readonly agent?: Agent | ((url: URL) => Agent);
  readonly signal?: AbortSignal;
}

/** The answer: status, `headers.get()`, the body as a Node stream or as text (as node-fetch). */
export interface ShimResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  readonly body: IncomingMessage;
  text(): Promise<string>;
}

async function textOf(body: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export default function fetch(url: string, init: FetchInit = {}): Promise<ShimResponse> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const agent = typeof init.agent === 'function' ? init.agent(target) : init.agent;
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      { method: init.method ?? 'GET', headers: init.headers, agent, signal: init.signal },
      (response) => {
        resolve({
          status: response.statusCode ?? 0,
          headers: {
            get: (name) => {
              const value = response.headers[name.toLowerCase()];
              if (value === undefined) return null;
              return Array.isArray(value) ? value.join(', ') : value;
            },
          },
          body: response,
          text: () => textOf(response),
        });
      },
    );
    request.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.name === 'AbortError' ? error : new FetchError(error.message, error.code));
    });
    request.end(init.body);
  });
}
