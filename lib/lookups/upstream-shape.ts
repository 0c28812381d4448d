import { UpstreamError } from '../problems/errors.js';
import type { UpstreamResult } from '../upstream/sdrs-client.js';

/**
 * SDRS answered 2xx with JSON of the wrong shape: the same `UPSTREAM_UNAVAILABLE` (502) the client
 * uses for a 2xx that is not JSON, since the caller can do nothing but retry later.
 */
export function unexpectedUpstreamShape(
  result: UpstreamResult<unknown>,
  why: string,
): UpstreamError {
  return new UpstreamError('UPSTREAM_UNAVAILABLE', `SDRS answered 200 but ${why}`, {
    kind: 'answered',
    detail: 'SDRS sent an answer this service cannot read. Retry later.',
    upstream: {
      status: 200,
      ...(result.upstreamRequestId && { requestId: result.upstreamRequestId }),
    },
  });
}
