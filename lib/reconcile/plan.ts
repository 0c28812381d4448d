import type { CreateProtectionGroupRequest } from '../../schemas/index.js';
import type { ProtectionGroup } from '../../schemas/responses.js';
import type { FieldProblem } from '../problems/errors.js';
import { toFieldProblems } from '../validation/pointers.js';
import { validateCreateProtectionGroup } from '../validation/validators.js';
import type { FieldDifference, ReportEntry } from './report.js';

/** A valid entry of the desired list, first of its name. */
export interface DesiredGroup {
  readonly index: number;
  readonly body: CreateProtectionGroupRequest;
}

/** The entries settled without the upstream, and the ones to compare with it. */
export interface Screened {
  readonly settled: ReportEntry[];
  readonly candidates: DesiredGroup[];
}

const MAX_REPORTED_NAME_CHARS = 100;

function nameOf(item: unknown): string | undefined {
  if (item === null || typeof item !== 'object') return undefined;
  const name = (item as { name?: unknown }).name;
  return typeof name === 'string' ? name.slice(0, MAX_REPORTED_NAME_CHARS) : undefined;
}

/** Re-roots a pointer into one entry (`#/name`) at the input document (`#/protectionGroups/3/name`). */
function inInput(problem: FieldProblem, index: number): FieldProblem {
  return { ...problem, pointer: `#/protectionGroups/${index}${problem.pointer.slice(1)}` };
}

/**
 * Validates every entry with the front end's create schema (the build-time validator) and finds
 * names repeated within the list: an invalid entry or a later entry with an already-seen name is
 * settled here; the rest go on to be compared with what exists.
 */
export function screenEntries(items: readonly unknown[]): Screened {
  const settled: ReportEntry[] = [];
  const candidates: DesiredGroup[] = [];
  const firstIndexByName = new Map<string, number>();
  items.forEach((item, index) => {
    const name = nameOf(item);
    // The validator fills in defaults (drType): validate a copy, never the caller's input.
    const body = structuredClone(item);
    if (!validateCreateProtectionGroup(body)) {
      const errors = toFieldProblems(validateCreateProtectionGroup.errors).map((problem) =>
        inInput(problem, index),
      );
      settled.push({ index, ...(name !== undefined && { name }), outcome: 'invalid', errors });
      return;
    }
    const firstIndex = firstIndexByName.get(body.name);
    if (firstIndex !== undefined) {
      settled.push({ index, name: body.name, outcome: 'duplicate', firstIndex });
      return;
    }
    firstIndexByName.set(body.name, index);
    candidates.push({ index, body });
  });
  return { settled, candidates };
}

const text = (value: string | null | undefined): string => value ?? '';

/**
 * The fields of `group` that differ from `desired` (both in the front end's camelCase). An absent
 * or empty description equals a null one; a `drType` SDRS does not report is not a difference.
 */
export function differences(
  desired: CreateProtectionGroupRequest,
  group: ProtectionGroup,
): FieldDifference[] {
  const pairs: [string, string | undefined, string | null][] = [
    ['description', desired.description, group.description],
    ['sourceAvailabilityZone', desired.sourceAvailabilityZone, group.sourceAvailabilityZone],
    ['targetAvailabilityZone', desired.targetAvailabilityZone, group.targetAvailabilityZone],
    ['domainId', desired.domainId, group.domainId],
    ['sourceVpcId', desired.sourceVpcId, group.sourceVpcId],
  ];
  if (group.drType !== null) pairs.push(['drType', desired.drType, group.drType]);
  return pairs
    .filter(([, want, have]) => text(want) !== text(have))
    .map(([field, want, have]) => ({
      field,
      desired: want === undefined || want === '' ? null : want,
      actual: have === undefined || have === '' ? null : have,
    }));
}

/** The candidates split into settled (exists / drift) and missing, by exact name. */
export interface Matched {
  readonly settled: ReportEntry[];
  readonly missing: DesiredGroup[];
}

/**
 * Matches candidates to the existing groups by exact name (the list API's `name` filter is a
 * substring match, so the run reads every group once and compares here). With several groups of one
 * name, one with equal fields makes the entry `exists`; otherwise it is `drift` against the first.
 */
export function matchExisting(
  candidates: readonly DesiredGroup[],
  existing: readonly ProtectionGroup[],
): Matched {
  const byName = new Map<string, ProtectionGroup[]>();
  for (const group of existing) {
    const same = byName.get(group.name);
    if (same) same.push(group);
    else byName.set(group.name, [group]);
  }
  const settled: ReportEntry[] = [];
  const missing: DesiredGroup[] = [];
  for (const candidate of candidates) {
    const groups = byName.get(candidate.body.name);
    const first = groups?.[0];
    if (!groups || !first) {
      missing.push(candidate);
      continue;
    }
    const base = { index: candidate.index, name: candidate.body.name };
    const equal = groups.find((group) => differences(candidate.body, group).length === 0);
    if (equal) {
      settled.push({
        ...base,
        outcome: 'exists',
        protectionGroupId: equal.id,
        status: equal.status,
      });
    } else {
      settled.push({
        ...base,
        outcome: 'drift',
        protectionGroupId: first.id,
        status: first.status,
        differences: differences(candidate.body, first),
      });
    }
  }
  return { settled, missing };
}
