import type { FieldProblem } from '../problems/errors.js';
import { RequestValidationError } from '../problems/errors.js';
import type { ListInfo } from './report.js';

/** A run's input: the schedule's `input` in serverless.yml, or the file given to the CLI. */
export interface ReconcileInput {
  /** The desired groups, each a create body of `POST /protection-groups` (validated entry by entry). */
  readonly protectionGroups: readonly unknown[];
  /** Only report what would be done; create nothing. */
  readonly dryRun: boolean;
  /** Follow each accepted create's job until it ends or the time runs low. */
  readonly waitForJobs: boolean;
  /** Where the list came from (S3 object and version), when known. */
  readonly list?: ListInfo;
}

const KNOWN = new Set(['protectionGroups', 'dryRun', 'waitForJobs']);

/**
 * Checks the envelope `{ protectionGroups: [...], dryRun?, waitForJobs? }` (entries are checked
 * one by one later, so one bad entry does not stop the others). A bad envelope — a mistyped
 * schedule input, or EventBridge's own event because `input` is missing — throws
 * `RequestValidationError` listing every problem with a JSON Pointer.
 */
export function parseReconcileInput(event: unknown, maxItems: number): ReconcileInput {
  if (event === null || typeof event !== 'object' || Array.isArray(event)) {
    throw new RequestValidationError(
      [{ pointer: '#', detail: 'must be an object with a `protectionGroups` array' }],
      'The reconcile input is not an object.',
    );
  }
  const record = event as Record<string, unknown>;
  const errors: FieldProblem[] = [];
  for (const key of Object.keys(record)) {
    // `x-` keys are the list's own (YAML anchors for shared fields, notes), as in Compose files.
    if (!KNOWN.has(key) && !key.startsWith('x-')) {
      errors.push({
        pointer: `#/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
        detail: 'is not an allowed property',
      });
    }
  }
  const list = record.protectionGroups;
  if (list === undefined) errors.push({ pointer: '#/protectionGroups', detail: 'is required' });
  else if (!Array.isArray(list))
    errors.push({ pointer: '#/protectionGroups', detail: 'must be an array' });
  else if (list.length > maxItems) {
    errors.push({
      pointer: '#/protectionGroups',
      detail: `must have at most ${maxItems} entries (RECONCILE_MAX_ITEMS); split the list`,
    });
  }
  for (const flag of ['dryRun', 'waitForJobs'] as const) {
    if (record[flag] !== undefined && typeof record[flag] !== 'boolean') {
      errors.push({ pointer: `#/${flag}`, detail: 'must be a boolean' });
    }
  }
  if (errors.length > 0) {
    throw new RequestValidationError(
      errors,
      'The reconcile input does not have the documented shape.',
    );
  }
  return {
    protectionGroups: list as unknown[],
    dryRun: record.dryRun === true,
    waitForJobs: record.waitForJobs === true,
  };
}
