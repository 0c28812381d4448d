import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

/**
 * The S3 client of the reconcile functions (the desired list and the run reports). Against AWS it
 * is the SDK's default client. When `AWS_ENDPOINT_URL_S3` names an S3-compatible endpoint (the
 * local S3 of `npm start`, MinIO, …) it also switches on:
 *
 * - path-style addressing (`http://host:port/bucket/key`): local servers have no per-bucket DNS
 *   names, and the SDK's default `bucket.localhost` does not resolve;
 * - request checksums only where an operation requires them (`WHEN_REQUIRED`). Measured with
 *   s3rver 3.7.1 and client-s3 3.1178: under the default (`WHEN_SUPPORTED`) a streamed upload
 *   goes out `aws-chunked` with a CRC32 trailer, and s3rver stores the chunk framing as the
 *   object's content; string bodies (all this code sends) are stored right either way.
 *
 * Response checksum validation needs no switch: s3rver sends no checksums, so nothing is
 * validated, and against AWS the default keeps validating. `settings` adds to (or overrides) these.
 */
export function createS3Client(
  env: NodeJS.ProcessEnv = process.env,
  settings: S3ClientConfig = {},
): S3Client {
  const compatible = Boolean(env.AWS_ENDPOINT_URL_S3?.trim());
  return new S3Client({
    ...(compatible && { forcePathStyle: true, requestChecksumCalculation: 'WHEN_REQUIRED' }),
    ...settings,
  });
}
