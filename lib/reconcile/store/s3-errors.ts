import type { ProblemCode } from '../../problems/catalogue.js';
import { ProblemError } from '../../problems/errors.js';
import { type ObjectLocation, s3Uri } from './location.js';

/** S3 error names that mean "no such object, bucket or version". */
const MISSING = new Set(['NoSuchKey', 'NoSuchBucket', 'NoSuchVersion', 'NotFound']);

/** A failure of the reconcile functions' S3 calls, as a problem of the catalogue. */
export class S3StoreError extends ProblemError {
  constructor(code: ProblemCode, detail: string, cause: unknown) {
    super(code, detail, { detail, cause });
    this.name = 'S3StoreError';
  }
}

/**
 * Maps an S3 client failure on `location` to a problem: not found (`notFound`: the desired list's
 * or the report's own code), access denied (`S3_ACCESS_DENIED`, including a bucket that is not
 * the caller's), or anything else — throttling, 5xx, network — as `S3_UNAVAILABLE`, retryable.
 * The detail names the object and S3's error code, never S3's message (it can quote request
 * headers).
 */
export function fromS3Error(
  error: unknown,
  location: ObjectLocation,
  notFound: ProblemCode,
): S3StoreError {
  const name = error instanceof Error ? error.name : 'Error';
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  const what = `${s3Uri(location)}${location.versionId ? ` (version ${location.versionId})` : ''}`;
  const answered = status ? `S3 answered ${status} ${name}` : `S3 could not be reached (${name})`;
  // A version id S3 cannot parse is answered 400 InvalidArgument: no such version either.
  if (MISSING.has(name) || status === 404 || (location.versionId && name === 'InvalidArgument')) {
    return new S3StoreError(notFound, `${answered}: nothing at ${what}.`, error);
  }
  if (status === 403 || name === 'AccessDenied' || name === 'InvalidAccessKeyId') {
    return new S3StoreError('S3_ACCESS_DENIED', `${answered} for ${what}.`, error);
  }
  return new S3StoreError('S3_UNAVAILABLE', `${answered} for ${what}.`, error);
}
