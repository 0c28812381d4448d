import { UpstreamError } from '../problems/errors.js';
import { sdrsDidNotAct } from '../upstream/resend.js';

const MAY_EXIST =
  'The create may have reached SDRS, so this answer is kept for this Idempotency-Key: a retry with the same key gets it again and creates nothing. The protection group may exist: check `GET /protection-groups?name=<name>` before creating it with a new key.';

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
