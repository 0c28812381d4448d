import type { S3Client } from '@aws-sdk/client-s3';
import type { FieldProblem } from '../problems/errors.js';
import { ProblemError, RequestValidationError } from '../problems/errors.js';
import { parseReconcileInput, type ReconcileInput } from './input.js';
import type { ListInfo } from './report.js';
import { readDesiredList } from './store/desired-list.js';
import { INLINE_LIST, type ObjectLocation, parseS3Uri, s3Uri } from './store/location.js';

/** What the run works on: a list carried in the event, or a pointer to one in S3. */
export type RunSource =
  | { readonly kind: 'inline'; readonly document: unknown }
  | { readonly kind: 's3'; readonly location: ObjectLocation };

const POINTER_KEYS = new Set(['source', 'versionId']);
const MAX_VERSION_ID_CHARS = 1024;

const escapePointer = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

/**
 * Tells a pointer `{"source": "s3://bucket/key", "versionId"?: "…"}` from an inline list (an event
 * without `source`). A malformed pointer — and EventBridge's own event, whose `source` is
 * `aws.events` — throws `RequestValidationError` with a pointer per problem.
 */
export function runSourceOf(event: unknown): RunSource {
  if (event === null || typeof event !== 'object' || !('source' in event)) {
    return { kind: 'inline', document: event };
  }
  const record = event as Record<string, unknown>;
  const errors: FieldProblem[] = [];
  for (const key of Object.keys(record)) {
    if (!POINTER_KEYS.has(key))
      errors.push({ pointer: `#/${escapePointer(key)}`, detail: 'is not an allowed property' });
  }
  const place = typeof record.source === 'string' ? parseS3Uri(record.source) : undefined;
  if (!place) errors.push({ pointer: '#/source', detail: 'must be an S3 URI: s3://bucket/key' });
  const { versionId } = record;
  if (
    versionId !== undefined &&
    (typeof versionId !== 'string' || versionId === '' || versionId.length > MAX_VERSION_ID_CHARS)
  ) {
    errors.push({
      pointer: '#/versionId',
      detail: 'must be a non-empty string (an S3 version id)',
    });
  }
  if (errors.length > 0 || !place) {
    throw new RequestValidationError(
      errors,
      'The reconcile pointer does not have the documented shape.',
    );
  }
  return {
    kind: 's3',
    location: { ...place, ...(typeof versionId === 'string' && { versionId }) },
  };
}

/** Limits and access the loading needs. */
export interface LoadOptions {
  readonly maxItems: number;
  readonly maxListBytes: number;
  /** The S3 client, asked for only when the event points at S3. */
  readonly s3: () => S3Client;
}

/** A run's input, or why there is none; `listKey` names the list's report folder either way. */
export type LoadedRun =
  | { readonly ok: true; readonly input: ReconcileInput; readonly listKey: string }
  | {
      readonly ok: false;
      readonly error: ProblemError;
      readonly listKey: string;
      readonly list: ListInfo;
    };

/**
 * Turns an event into a run's input: the inline list as it is, or the S3 object it points at
 * (read once, parsed as JSON or YAML), then the envelope check. Every expected failure comes back
 * as `ok: false` with its problem (pointers included), so the caller can report it like a run.
 */
export async function loadRunInput(event: unknown, options: LoadOptions): Promise<LoadedRun> {
  let list: ListInfo = { source: INLINE_LIST };
  let listKey = INLINE_LIST;
  try {
    const source = runSourceOf(event);
    let document = source.kind === 'inline' ? source.document : undefined;
    if (source.kind === 's3') {
      listKey = source.location.key;
      list = { source: s3Uri(source.location) };
      if (source.location.versionId) list = { ...list, versionId: source.location.versionId };
      const loaded = await readDesiredList(options.s3(), source.location, options.maxListBytes);
      document = loaded.document;
      list = loaded.info;
    }
    const input = parseReconcileInput(document, options.maxItems);
    return { ok: true, input: { ...input, list }, listKey };
  } catch (error) {
    if (!(error instanceof ProblemError)) throw error;
    return { ok: false, error, listKey, list };
  }
}
