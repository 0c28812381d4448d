/**
 * Small HTTP helpers for the simulator server.
 */
import type { IncomingMessage } from 'node:http';

/** Largest accepted body (the gateway's AK/SK limit); larger → 413 `APIGW.0201`. */
export const MAX_BODY_BYTES = 12 * 1024 * 1024;

/** Read the whole body (bytes beyond {@link MAX_BODY_BYTES} are dropped and flagged). */
export function readBody(req: IncomingMessage): Promise<{ body: Buffer; tooLarge: boolean }> {
  return new Promise((resolveBody, rejectBody) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () =>
      resolveBody({ body: Buffer.concat(chunks), tooLarge: size > MAX_BODY_BYTES }),
    );
    req.on('error', rejectBody);
    req.on('close', () => {
      if (!req.complete) rejectBody(new Error('request aborted'));
    });
  });
}

/** Decoded query; a repeated key gives an array. */
export function queryRecord(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? (values[0] ?? '') : values;
  }
  return out;
}
