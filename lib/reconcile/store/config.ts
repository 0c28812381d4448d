import { ConfigurationError, type Env } from '../../config.js';
import { parseS3Uri } from './location.js';

/**
 * The bucket run reports go to (`RECONCILE_BUCKET`, the stack's bucket), or `undefined` when
 * unset: then a run reports only in its log line, its metrics and its result.
 */
export function readReportBucket(env: Env = process.env): string | undefined {
  const bucket = env.RECONCILE_BUCKET?.trim();
  if (!bucket) return undefined;
  if (!parseS3Uri(`s3://${bucket}/x`)) {
    throw new ConfigurationError(`RECONCILE_BUCKET must be an S3 bucket name, got "${bucket}"`);
  }
  return bucket;
}

/** Like `readReportBucket`, for the functions that cannot work without it. */
export function requireReportBucket(env: Env = process.env): string {
  const bucket = readReportBucket(env);
  if (!bucket) throw new ConfigurationError('RECONCILE_BUCKET is not set');
  return bucket;
}

/** The schedule's list key (`RECONCILE_LIST_KEY`): what `GET /reconcile/runs/latest` shows unasked. */
export function readDefaultListKey(env: Env = process.env): string | undefined {
  return env.RECONCILE_LIST_KEY?.trim() || undefined;
}
