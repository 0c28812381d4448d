import { problemType } from '../problems/body.js';
import { type ProblemCode, type ProblemType, problemCatalogue } from '../problems/catalogue.js';

/**
 * A problem one route answers. A bare code means: at the catalogue status (and the code's other
 * statuses below), with `Retry-After` when {@link ALWAYS_RETRY_AFTER} says so. The object form
 * states what differs on this route.
 */
export type RouteProblem =
  | ProblemCode
  | { readonly code: ProblemCode; readonly status: number; readonly retryAfter: boolean };

/** One status a code is answered with, and whether that answer always carries `Retry-After`. */
export interface ProblemAnswer {
  readonly code: ProblemCode;
  readonly status: number;
  readonly retryAfter: boolean;
}

/** Codes whose answers always carry `Retry-After` (set where they are thrown). */
const ALWAYS_RETRY_AFTER: ReadonlySet<ProblemCode> = new Set([
  'UPSTREAM_THROTTLED', // lib/upstream/normalise.ts: from SDRS, bounded 1–60 s
  'IDEMPOTENCY_IN_PROGRESS', // lib/idempotency/errors.ts
  'IDEMPOTENCY_STORE_UNAVAILABLE', // lib/idempotency/errors.ts
]);

/** Statuses a code is answered with besides its catalogue status. */
const OTHER_ANSWERS: Partial<Record<ProblemCode, readonly ProblemAnswer[]>> = {
  // SDRS said it is unavailable (503) rather than failing (502), with its Retry-After passed on:
  // lib/upstream/normalise.ts.
  UPSTREAM_UNAVAILABLE: [{ code: 'UPSTREAM_UNAVAILABLE', status: 503, retryAfter: true }],
};

/** Every answer a bare code stands for. */
export function answersOf(code: ProblemCode): ProblemAnswer[] {
  const usual = { code, status: problemCatalogue[code].status };
  return [{ ...usual, retryAfter: ALWAYS_RETRY_AFTER.has(code) }, ...(OTHER_ANSWERS[code] ?? [])];
}

/** Every HTTP status a problem code can be answered with (on a route that states nothing else). */
export function statusesOf(code: ProblemCode): number[] {
  return answersOf(code).map((answer) => answer.status);
}

/** The problems of one status on one route. */
export interface StatusGroup {
  readonly codes: ProblemCode[];
  /** `always`: every answer of this status carries `Retry-After`; `never`: none does. */
  readonly retryAfter: 'always' | 'sometimes' | 'never';
}

/**
 * A route's answers grouped by HTTP status, statuses ascending. A code given in object form
 * replaces every answer its bare form stands for.
 */
export function codesByStatus(problems: readonly RouteProblem[]): Map<number, StatusGroup> {
  const explicit = new Set(problems.flatMap((p) => (typeof p === 'string' ? [] : [p.code])));
  const answers = problems.flatMap((p) => {
    if (typeof p !== 'string') return [p];
    return explicit.has(p) ? [] : answersOf(p);
  });
  const byStatus = new Map<number, ProblemAnswer[]>();
  for (const answer of answers) {
    const group = byStatus.get(answer.status) ?? [];
    if (!group.some((known) => known.code === answer.code)) group.push(answer);
    byStatus.set(answer.status, group);
  }
  return new Map(
    [...byStatus]
      .sort(([a], [b]) => a - b)
      .map(([status, group]) => {
        const carrying = group.filter((answer) => answer.retryAfter).length;
        const retryAfter =
          carrying === group.length ? 'always' : carrying === 0 ? 'never' : 'sometimes';
        return [status, { codes: group.map((answer) => answer.code), retryAfter }];
      }),
  );
}

/** One entry of the document's `x-problem-types` list: what a code means and what to do. */
export type ProblemTypeEntry = ProblemType & { readonly code: ProblemCode; readonly type: string };

/** The whole catalogue, with each code's problem `type` URI under the configured base. */
export function problemTypes(): ProblemTypeEntry[] {
  return (Object.keys(problemCatalogue) as ProblemCode[]).map((code) => {
    const entry = problemCatalogue[code];
    return {
      code,
      type: problemType(code),
      status: entry.status,
      title: entry.title,
      retryable: entry.retryable,
      guidance: entry.guidance,
    };
  });
}
