import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { ProblemError } from '../../problems/errors.js';
import { formatMarkdownSummary } from '../markdown.js';
import type { RunReport } from '../report.js';
import { reportFolder, reportKeys, s3Uri } from './location.js';
import { fromS3Error } from './s3-errors.js';

/** Lambda answers at most 6 MB; a report larger than this is read from S3 instead. */
const MAX_SERVED_REPORT_BYTES = 5_500_000;

/** Where a run's report went. */
export interface SavedReport {
  readonly bucket: string;
  readonly report: string;
  readonly summary: string;
  readonly latest: string;
}

/**
 * Run reports in S3, under `reports/<list key>/`: each run's full report
 * (`<startedAt>-<runId>.json`), its markdown summary (`.md`) and `latest.json`, a copy of the
 * newest report. The bucket's lifecycle rule expires them (90 days in serverless.yml).
 */
export class ReportStore {
  readonly #client: S3Client;
  readonly bucket: string;

  constructor(client: S3Client, bucket: string) {
    this.#client = client;
    this.bucket = bucket;
  }

  async #put(key: string, body: string, contentType: string): Promise<void> {
    try {
      await this.#client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: body,
          ContentType: contentType,
        }),
      );
    } catch (error) {
      throw fromS3Error(error, { bucket: this.bucket, key }, 'S3_UNAVAILABLE');
    }
  }

  /**
   * Writes the report and its summary, then `latest.json` (last, so it never names a run whose
   * report is missing). Throws `S3_ACCESS_DENIED` or `S3_UNAVAILABLE`.
   */
  async save(report: RunReport, listKey: string): Promise<SavedReport> {
    const keys = reportKeys(listKey, report.startedAt, report.runId);
    const json = JSON.stringify(report);
    await Promise.all([
      this.#put(keys.report, json, 'application/json'),
      this.#put(keys.summary, formatMarkdownSummary(report, keys.report), 'text/markdown'),
    ]);
    await this.#put(keys.latest, json, 'application/json');
    return { bucket: this.bucket, ...keys };
  }

  /**
   * The newest report of a list, as the JSON text stored. `NOT_FOUND` when no run has reported
   * for it yet; `S3_ACCESS_DENIED`, `S3_UNAVAILABLE` when S3 fails.
   */
  async readLatest(listKey: string): Promise<string> {
    const location = { bucket: this.bucket, key: `${reportFolder(listKey)}latest.json` };
    try {
      const answer = await this.#client.send(
        new GetObjectCommand({ Bucket: location.bucket, Key: location.key }),
      );
      if ((answer.ContentLength ?? 0) > MAX_SERVED_REPORT_BYTES) {
        answer.Body?.transformToWebStream().cancel();
        const detail = `The latest report of ${listKey} is too large to serve; read ${s3Uri(location)}.`;
        throw new ProblemError('INTERNAL', detail, { detail });
      }
      return (await answer.Body?.transformToString('utf8')) ?? '';
    } catch (error) {
      if (error instanceof ProblemError) throw error;
      const problem = fromS3Error(error, location, 'NOT_FOUND');
      if (problem.code !== 'NOT_FOUND') throw problem;
      const detail = `No run has reported for the list ${listKey} yet.`;
      throw new ProblemError('NOT_FOUND', detail, { detail, cause: error });
    }
  }
}
