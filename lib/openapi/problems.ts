import { problemType } from '../problems/body.js';
import { type ProblemCode, type ProblemType, problemCatalogue } from '../problems/catalogue.js';

/** Statuses a code is answered with besides its catalogue status. */
const OTHER_STATUSES: Partial<Record<ProblemCode, readonly number[]>> = {
  // SDRS said it is unavailable (503) rather than failing (502): see lib/upstream/normalise.ts.
  UPSTREAM_UNAVAILABLE: [503],
};

/** Every HTTP status a problem code can be answered with. */
export function statusesOf(code: ProblemCode): number[] {
  return [problemCatalogue[code].status, ...(OTHER_STATUSES[code] ?? [])];
}

/** Groups codes by the HTTP status they are answered with, statuses ascending. */
export function codesByStatus(codes: readonly ProblemCode[]): Map<number, ProblemCode[]> {
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of new Set(codes)) {
    for (const status of statusesOf(code)) {
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
  }
  return new Map([...byStatus].sort(([a], [b]) => a - b));
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

/** A retryable problem may carry `Retry-After` (throttling, unavailability, in-flight keys). */
export function mayCarryRetryAfter(codes: readonly ProblemCode[]): boolean {
  return codes.some((code) => problemCatalogue[code].retryable);
}
