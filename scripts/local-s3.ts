/**
 * A local S3 (s3rver, in process, files in a temporary folder) with the reconcile bucket, for
 * `npm start` and the tests: the real AWS SDK client talks to it over HTTP on loopback through
 * `AWS_ENDPOINT_URL_S3` (with path-style addressing and checksums only where required:
 * lib/reconcile/store/s3-client.ts says why).
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { DUMMY_ACCOUNT } from 's3rver/lib/models/account.js';
import { createS3Client } from '../lib/reconcile/store/s3-client.js';

export interface LocalS3 {
  /** `http://127.0.0.1:PORT`. */
  readonly endpoint: string;
  readonly bucket: string;
  /** What a process needs to use it: endpoint, region, its keys and `RECONCILE_BUCKET`. */
  readonly env: Readonly<Record<string, string>>;
  /** A client for it, as the functions build theirs (the caller destroys it). */
  client(): S3Client;
  /** Stores `body` at `key` in the bucket. */
  put(key: string, body: string): Promise<void>;
  close(): Promise<void>;
}

/** Keys for the local S3 (s3rver accepts only key ids it knows; these are not secrets). */
export interface LocalKeys {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

/**
 * Starts s3rver on 127.0.0.1 (`port` 0: a free one) with one empty bucket, accepting `keys`
 * (default `local`/`local`, the keys of the local DynamoDB too).
 */
export async function startLocalS3(
  options: { port?: number; bucket?: string; keys?: LocalKeys } = {},
): Promise<LocalS3> {
  const keys = options.keys ?? { accessKeyId: 'local', secretAccessKey: 'local' };
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true'; // local tooling only
  const bucket = options.bucket ?? 'sdrs-bff-local-reconcile';
  const directory = await mkdtemp(join(tmpdir(), 'sdrs-bff-s3-'));
  // `local` always works too: what `npm run reconcile` uses when the shell names no keys.
  DUMMY_ACCOUNT.createKeyPair('local', 'local');
  DUMMY_ACCOUNT.createKeyPair(keys.accessKeyId, keys.secretAccessKey);
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  // s3rver takes unsigned requests and serves a bucket's CORS rules, and browsers may send a
  // form upload (POST) cross-origin without asking: any web page could read or plant a list on
  // loopback. Browsers send `Origin` on every cross-origin request; the AWS SDK never does.
  server.middleware.unshift(async (ctx, next) => {
    if (ctx.get('origin')) {
      ctx.status = 403;
      ctx.body = 'no browsers';
      return;
    }
    await next();
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const env = {
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_REGION: process.env.AWS_REGION ?? 'eu-west-1',
    AWS_ACCESS_KEY_ID: keys.accessKeyId,
    AWS_SECRET_ACCESS_KEY: keys.secretAccessKey,
    RECONCILE_BUCKET: bucket,
  };
  const client = () => createS3Client(env, { endpoint, region: env.AWS_REGION, credentials: keys });
  return {
    endpoint,
    bucket,
    env,
    client,
    async put(key, body) {
      const s3 = client();
      try {
        await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
      } finally {
        s3.destroy();
      }
    },
    async close() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** Where `npm start` puts the example list in its local S3. */
export const LOCAL_LIST_KEY = 'lists/desired.yaml';

/**
 * For `npm start`: unless `AWS_ENDPOINT_URL_S3` is already set (another S3-compatible
 * endpoint), starts the local S3 (`LOCAL_S3_PORT`, default 4568) with the bucket holding the
 * example list at `lists/desired.yaml`, and points `env` at it. Returns what stops it.
 */
export async function useLocalS3(env: NodeJS.ProcessEnv): Promise<() => Promise<void>> {
  if (env.AWS_ENDPOINT_URL_S3) return async () => undefined;
  // The keys the local functions already use (the local DynamoDB's, or the shell's) work here too.
  const keys =
    env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY
      ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY }
      : undefined;
  const s3 = await startLocalS3({ port: Number(env.LOCAL_S3_PORT ?? 4568), ...(keys && { keys }) });
  await s3.put(LOCAL_LIST_KEY, await readFile(resolve('examples/reconcile/desired.yaml'), 'utf8'));
  for (const [name, value] of Object.entries(s3.env)) env[name] ||= value;
  env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
  env.RECONCILE_LIST_KEY ??= LOCAL_LIST_KEY;
  console.log(
    `S3 (s3rver, temporary folder) on ${s3.endpoint}, bucket ${s3.bucket} with s3://${s3.bucket}/${LOCAL_LIST_KEY}`,
  );
  return s3.close;
}
