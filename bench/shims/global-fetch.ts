/**
 * What-if shim (bench only): the part of node-fetch's API that lib/upstream/transport.ts uses,
 * served by Node's global fetch. Aliased over `node-fetch` in one variant of the create bundle to
 * measure what dropping node-fetch (and web-streams-polyfill under it) would save. Node's fetch
 * keeps connections alive by itself, so the `agent` option is dropped.
 */

/** node-fetch's error class; `code` is the system error code (ECONNREFUSED, ...). */
export class FetchError extends Error {
  readonly code: string | undefined;

  constructor(message: string, code?: string) {
    super(message);
    this.name = 'FetchError';
    this.code = code;
  }
}

interface NodeFetchInit extends RequestInit {
  readonly agent?: unknown;
  readonly compress?: boolean;
}

/** `fetch(url, init)` with node-fetch's signature and error class. */
export default async function fetch(url: string, init: NodeFetchInit = {}): Promise<Response> {
  const { agent: _agent, compress: _compress, ...rest } = init;
  try {
    return await globalThis.fetch(url, rest);
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    const cause = (error as { cause?: { code?: string } }).cause;
    throw new FetchError(error instanceof Error ? error.message : String(error), cause?.code);
  }
}
