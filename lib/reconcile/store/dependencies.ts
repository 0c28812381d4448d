import type { S3Client } from '@aws-sdk/client-s3';
import { readReportBucket } from './config.js';
import { ReportStore } from './report-store.js';
import { createS3Client } from './s3-client.js';

let client: S3Client | undefined;

/** The container's one S3 client (built on first use, from the environment). */
export function s3Client(): S3Client {
  client ??= createS3Client();
  return client;
}

/** Where this container's runs report, or `undefined` without `RECONCILE_BUCKET`. */
export function reportStoreFromEnv(env: NodeJS.ProcessEnv = process.env): ReportStore | undefined {
  const bucket = readReportBucket(env);
  return bucket ? new ReportStore(s3Client(), bucket) : undefined;
}

/** Drops the client, so the next use reads the environment again (tests). */
export function resetS3Client(): void {
  client?.destroy();
  client = undefined;
}
