import { UpstreamError } from '../problems/errors.js';

/** Gateway codes: the API gateway in front of SDRS answered for itself. */
const GATEWAY_CODE = /^APIGW?\./;

const MAY_EXIST =
  'The create may have reached SDRS, so this answer is kept for this Idempotency-Key: a retry with the same key gets it again and creates nothing. The protection group may exist: check `GET /protection-groups?name=<name>` before creating it with a new key.';

/**
 * True when SDRS provably did not act on the request, so running it again cannot create twice:
 * the same cases in which the SDRS client itself may resend a create (`resendDelay`) — nothing was
 * sent (connection refused, name not resolved), SDRS or its gateway throttled (429) or said it is
 * unavailable (503), or the gateway rejected our credentials — plus any other 4xx the gateway
 * answered for itself (its code is `APIGW.*`/`APIG.*`: the request never went past it).
 */
export function sdrsDidNotAct(error: UpstreamError): boolean {
  if (error.provablyNotSent) return true;
  if (error.credentialsRejected || error.code === 'UPSTREAM_AUTH_FAILED') return true;
  if (error.code === 'UPSTREAM_THROTTLED') return true;
  if (error.kind !== 'answered') return false; // timeout or reset: the bytes may have arrived
  const status = error.upstream?.status;
  if (status === 429 || status === 503) return true;
  const code = error.upstream?.code;
  return status !== undefined && status < 500 && code !== undefined && GATEWAY_CODE.test(code);
}

/** True when SDRS may have created the group although the answer is an error. */
function mayHaveCreated(error: UpstreamError): boolean {
  const status = error.upstream?.status;
  return error.kind !== 'answered' || status === undefined || status >= 500 || status < 300;
}

/**
 * Decides whether an error from the create use case is a final outcome to keep under the key. A
 * final outcome — SDRS rejected the content (422), reported a conflict, failed, or may have acted
 * without us seeing its answer (timeout, reset: 504/502) — is returned as the problem to answer,
 * store and replay, so a retry with the same key never sends a second create; where SDRS may have
 * created the group, its detail says so. Anything else is rethrown so that nothing is stored and a
 * retry runs again: SDRS provably did not act ({@link sdrsDidNotAct}), or the failure was ours
 * before any call (configuration, credentials store).
 *
 * The caller answers the kept problem through the same error path as any other failure (one log
 * line, the same problem+json), then stores that answer.
 *
 * @throws the error itself when it must not be kept
 */
export function keptProblem(error: unknown): UpstreamError {
  if (!(error instanceof UpstreamError) || sdrsDidNotAct(error)) throw error;
  return mayHaveCreated(error) ? error.with({ detail: MAY_EXIST }) : error;
}
