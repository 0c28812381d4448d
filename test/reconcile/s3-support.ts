import { GetObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { resetS3Client } from '../../lib/reconcile/store/dependencies.js';
import { resetLatestRunStore } from '../../lib/reconcile/store/latest-run.js';
import { type LocalS3, startLocalS3 } from '../../scripts/local-s3.js';

/** The local S3 with the reconcile bucket, and `process.env` pointing the functions at it. */
export interface ReconcileBucket {
  readonly s3: LocalS3;
  /** Every key under `prefix`, sorted. */
  keys(prefix?: string): Promise<string[]>;
  /** An object's text. */
  text(key: string): Promise<string>;
  close(): Promise<void>;
}

/** Starts s3rver on loopback and sets `AWS_ENDPOINT_URL_S3`, its keys and `RECONCILE_BUCKET`. */
export async function startReconcileBucket(): Promise<ReconcileBucket> {
  const s3 = await startLocalS3({ bucket: 'sdrs-bff-test-reconcile' });
  Object.assign(process.env, s3.env);
  resetS3Client();
  resetLatestRunStore();
  const client = s3.client();
  return {
    s3,
    async keys(prefix = '') {
      const answer = await client.send(
        new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: prefix }),
      );
      return (answer.Contents ?? []).map((object) => object.Key ?? '').sort();
    },
    async text(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
      return (await answer.Body?.transformToString()) ?? '';
    },
    async close() {
      client.destroy();
      resetS3Client();
      await s3.close();
    },
  };
}

/** A YAML desired list of `entries` in block style, with `header` keys (dryRun, …) on top. */
export function yamlList(
  entries: ReadonlyArray<Record<string, unknown>>,
  header: Record<string, unknown> = {},
): string {
  const lines = Object.entries(header).map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
  lines.push('protectionGroups:');
  for (const entry of entries) {
    const fields = Object.entries(entry);
    fields.forEach(([key, value], i) => {
      lines.push(`${i === 0 ? '  - ' : '    '}${key}: ${JSON.stringify(value)}`);
    });
  }
  return `${lines.join('\n')}\n`;
}
