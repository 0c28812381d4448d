import type { Readable } from 'node:stream';
import { GetObjectCommand, type GetObjectCommandOutput, type S3Client } from '@aws-sdk/client-s3';
import { parseDocument } from 'yaml';
import { ProblemError, RequestValidationError } from '../../problems/errors.js';
import type { ListInfo } from '../report.js';
import { type ObjectLocation, s3Uri } from './location.js';
import { fromS3Error } from './s3-errors.js';

/** A desired list as read: the parsed document (checked later) and where it came from. */
export interface LoadedList {
  readonly document: unknown;
  readonly info: ListInfo;
}

export type ListFormat = 'json' | 'yaml';

/**
 * Alias expansions one YAML list may make. A list that shares its common fields through a merge
 * key (`- <<: *defaults`) makes one per entry; a "billion laughs" document makes millions and is
 * refused instead of filling the memory.
 */
const MAX_YAML_ALIASES = 20_000;

/** `.json` keys (or a JSON content type) are JSON; everything else is read as YAML. */
export function listFormatOf(key: string, contentType?: string): ListFormat {
  if (/\.json$/i.test(key)) return 'json';
  if (/\.ya?ml$/i.test(key)) return 'yaml';
  return contentType?.includes('json') ? 'json' : 'yaml';
}

const syntaxError = (format: ListFormat, detail: string) =>
  new RequestValidationError(
    [{ pointer: '#', detail: `is not valid ${format.toUpperCase()}: ${detail}` }],
    `The desired list is not valid ${format.toUpperCase()}.`,
  );

/**
 * Parses a list's text: JSON, or YAML 1.2 (which also reads JSON) with merge keys, duplicate keys
 * refused. A syntax error becomes `VALIDATION_FAILED` with pointer `#` and the first error's line
 * and column.
 */
export function parseListText(text: string, format: ListFormat): unknown {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (format === 'json') {
    try {
      return JSON.parse(source);
    } catch (error) {
      throw syntaxError('json', (error as Error).message);
    }
  }
  const document = parseDocument(source, { merge: true, uniqueKeys: true });
  const [first] = document.errors;
  if (first) throw syntaxError('yaml', first.message.split('\n')[0] ?? first.code);
  try {
    return document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    throw syntaxError('yaml', (error as Error).message);
  }
}

function tooLarge(location: ObjectLocation, maxBytes: number): ProblemError {
  const detail = `is larger than ${maxBytes} bytes (RECONCILE_MAX_LIST_BYTES); split the list`;
  return new ProblemError('PAYLOAD_TOO_LARGE', `${s3Uri(location)} ${detail}.`, {
    detail: `The desired list ${detail}.`,
    errors: [{ pointer: '#', detail }],
  });
}

/** Reads a body, giving up (and closing it) as soon as it passes `maxBytes`. */
async function readCapped(
  body: AsyncIterable<Uint8Array>,
  maxBytes: number,
  location: ObjectLocation,
): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of body) {
      total += chunk.byteLength;
      if (total > maxBytes) {
        (body as Partial<Readable>).destroy?.();
        throw tooLarge(location, maxBytes);
      }
      chunks.push(Buffer.from(chunk));
    }
  } catch (error) {
    if (error instanceof ProblemError) throw error;
    throw fromS3Error(error, location, 'DESIRED_LIST_NOT_FOUND');
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads the desired list at `location` (one GET, the version when named) and parses it. Throws a
 * `ProblemError`: `DESIRED_LIST_NOT_FOUND`, `S3_ACCESS_DENIED`, `S3_UNAVAILABLE` (retryable),
 * `PAYLOAD_TOO_LARGE` over `maxBytes`, `VALIDATION_FAILED` for text that does not parse.
 */
export async function readDesiredList(
  client: S3Client,
  location: ObjectLocation,
  maxBytes: number,
): Promise<LoadedList> {
  let answer: GetObjectCommandOutput;
  try {
    answer = await client.send(
      new GetObjectCommand({
        Bucket: location.bucket,
        Key: location.key,
        ...(location.versionId && { VersionId: location.versionId }),
      }),
    );
  } catch (error) {
    throw fromS3Error(error, location, 'DESIRED_LIST_NOT_FOUND');
  }
  const body = answer.Body as (AsyncIterable<Uint8Array> & Partial<Readable>) | undefined;
  if ((answer.ContentLength ?? 0) > maxBytes) {
    body?.destroy?.();
    throw tooLarge(location, maxBytes);
  }
  const bytes = body ? await readCapped(body, maxBytes, location) : Buffer.alloc(0);
  const format = listFormatOf(location.key, answer.ContentType);
  const versionId = answer.VersionId ?? location.versionId;
  return {
    document: parseListText(bytes.toString('utf8'), format),
    info: {
      source: s3Uri(location),
      ...(versionId && versionId !== 'null' && { versionId }),
      format,
      bytes: bytes.length,
    },
  };
}
