/** An object in S3, optionally one version of it. */
export interface ObjectLocation {
  readonly bucket: string;
  readonly key: string;
  readonly versionId?: string;
}

/** S3 bucket naming rules (3–63 lower-case letters, digits, `.` and `-`). */
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** S3 allows keys of up to 1024 bytes. */
const MAX_KEY_BYTES = 1024;

/** `s3://bucket/key` → its bucket and key, or `undefined` when it is not such a URI. */
export function parseS3Uri(uri: string): { bucket: string; key: string } | undefined {
  const match = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
  const [, bucket, key] = match ?? [];
  if (!bucket || !key || !BUCKET.test(bucket)) return undefined;
  if (Buffer.byteLength(key) > MAX_KEY_BYTES) return undefined;
  return { bucket, key };
}

/** The `s3://bucket/key` form of a location (without its version). */
export function s3Uri(location: Pick<ObjectLocation, 'bucket' | 'key'>): string {
  return `s3://${location.bucket}/${location.key}`;
}

/** The folder all run reports go under; the report route may read only below it. */
export const REPORTS_PREFIX = 'reports/';
/** The list name of runs whose list was not read from S3 (an inline event, a local file). */
export const INLINE_LIST = 'inline';

/**
 * Where the reports of one list go: `reports/<list key>/`. The list key is the S3 key of the
 * list (`lists/prod.yaml`), or `inline`.
 */
export function reportFolder(listKey: string): string {
  return `${REPORTS_PREFIX}${listKey}/`;
}

/** The keys of one run's report, its markdown summary, and the list's `latest.json`. */
export function reportKeys(listKey: string, startedAt: string, runId: string) {
  const folder = reportFolder(listKey);
  return {
    report: `${folder}${startedAt}-${runId}.json`,
    summary: `${folder}${startedAt}-${runId}.md`,
    latest: `${folder}latest.json`,
  };
}
