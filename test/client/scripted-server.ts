/**
 * A real HTTP server on loopback that answers from a script, one answer per request, and records
 * what it received: for testing the client's helpers against exact status/header sequences.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ScriptedAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

export interface Received {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface ScriptedServer {
  readonly url: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/** Starts a server that answers the `script` in order (then 500 for any extra request). */
export async function startScriptedServer(script: ScriptedAnswer[]): Promise<ScriptedServer> {
  const received: Received[] = [];
  const queue = [...script];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = queue.shift() ?? { status: 500, body: { message: 'script exhausted' } };
      const problem =
        typeof answer.body === 'object' && answer.body !== null && 'code' in answer.body;
      res.writeHead(answer.status, {
        'content-type': problem ? 'application/problem+json' : 'application/json',
        'x-request-id': `req-${received.length}`,
        ...answer.headers,
      });
      res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A problem body as the service sends it. */
export function problemBody(code: string, status: number, retryable: boolean) {
  return {
    type: `https://sdrs-bff.invalid/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: code,
    status,
    detail: `${code} happened`,
    instance: 'urn:request:r1',
    code,
    requestId: 'r1',
    retryable,
  };
}
