/**
 * Request checks the SDRS service applies, each answering with the SDRS code the docs name.
 * Like SDRS, the first failing check wins (one error per answer).
 */
import type { CreateInput, Domain, Group } from './state.js';

/** A rejection: `{"error": {"code", "message"}}` with HTTP 400. */
export interface Rejection {
  code: string;
  message: string;
}

/** Result of a check: the parsed value or the SDRS rejection. */
export type Checked<T> = { ok: true; value: T } | { ok: false; rejection: Rejection };

const ALLOWED_FIELDS = new Set([
  'name',
  'description',
  'source_availability_zone',
  'target_availability_zone',
  'domain_id',
  'source_vpc_id',
  'dr_type',
]);
const NAME_PATTERN = /^[A-Za-z0-9._-]+$/;
const MAX_BYTES = 64;

function reject<T>(code: string, message: string): Checked<T> {
  return { ok: false, rejection: { code, message } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}

/**
 * Parse and check a create body against the seed's rules and the known domains.
 * Order: JSON/shape and unknown fields (0201), name (0202), description (0212), AZs present (0203),
 * domain_id present (0205), VPC (0204), dr_type (0201), unknown domain (0205), AZ pair not the
 * domain's (0203), sold-out domain (0233).
 */
export function checkCreateBody(raw: string, domains: readonly Domain[]): Checked<CreateInput> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return reject('SDRS.0201', 'Invalid request parameters: the body is not valid JSON');
  }
  if (!isObject(parsed) || !isObject(parsed.server_group)) {
    return reject('SDRS.0201', 'Invalid request parameters: server_group is required');
  }
  const extraTop = Object.keys(parsed).filter((k) => k !== 'server_group');
  if (extraTop.length > 0) {
    return reject('SDRS.0201', `Invalid request parameters: unknown field ${extraTop[0]}`);
  }
  const sg = parsed.server_group;
  const unknown = Object.keys(sg).filter((k) => !ALLOWED_FIELDS.has(k));
  if (unknown.length > 0) {
    return reject('SDRS.0201', `Invalid request parameters: unknown field ${unknown[0]}`);
  }
  const { name, description } = sg;
  if (
    typeof name !== 'string' ||
    name.length === 0 ||
    Buffer.byteLength(name, 'utf8') > MAX_BYTES ||
    !NAME_PATTERN.test(name)
  ) {
    return reject('SDRS.0202', 'Invalid protection group name');
  }
  if (description !== undefined && description !== null) {
    if (
      typeof description !== 'string' ||
      Buffer.byteLength(description, 'utf8') > MAX_BYTES ||
      /[<>]/.test(description)
    ) {
      return reject('SDRS.0212', 'Invalid protection group description');
    }
  }
  const source = sg.source_availability_zone;
  const target = sg.target_availability_zone;
  if (!nonEmptyString(source) || !nonEmptyString(target)) {
    return reject('SDRS.0203', 'Invalid availability zone');
  }
  if (!nonEmptyString(sg.domain_id)) return reject('SDRS.0205', 'Invalid domain ID');
  if (!nonEmptyString(sg.source_vpc_id)) return reject('SDRS.0204', 'Invalid VPC ID');
  if (sg.dr_type !== undefined && sg.dr_type !== 'migration') {
    return reject('SDRS.0201', 'Invalid request parameters: dr_type must be migration');
  }
  const domain = domains.find((d) => d.id === sg.domain_id);
  if (!domain) {
    return reject('SDRS.0205', 'Invalid domain ID: the active-active domain does not exist');
  }
  const local = domain.local_replication_cluster.availability_zone;
  const remote = domain.remote_replication_cluster.availability_zone;
  const pairOk = (source === local && target === remote) || (source === remote && target === local);
  if (!pairOk) {
    return reject('SDRS.0203', 'Invalid availability zone: not part of the active-active domain');
  }
  if (domain.sold_out) return reject('SDRS.0233', 'No available active-active domain');
  return {
    ok: true,
    value: {
      name,
      description: typeof description === 'string' ? description : null,
      source_availability_zone: source,
      target_availability_zone: target,
      domain_id: sg.domain_id,
      source_vpc_id: sg.source_vpc_id,
      dr_type: 'migration',
    },
  };
}

/** Parsed list query. */
export interface ListQuery {
  limit: number;
  offset: number;
  status?: string;
  name?: string;
  availabilityZone?: string;
  queryType?: string;
}

const QUERY_TYPES = new Set([
  'status_abnormal',
  'stop_protected',
  'period_no_dr_drill',
  'general',
  '',
]);

/** Check the list query: limit 0..1000 (default 1000, else SDRS.0221), offset ≥ 0 (else SDRS.0222). */
export function checkListQuery(query: URLSearchParams): Checked<ListQuery> {
  const limitText = query.get('limit');
  const offsetText = query.get('offset');
  const limit = limitText === null ? 1000 : /^\d{1,10}$/.test(limitText) ? Number(limitText) : -1;
  if (limit < 0 || limit > 1000) return reject('SDRS.0221', 'Invalid limit: must be 0 to 1000');
  const offset = offsetText === null ? 0 : /^\d{1,10}$/.test(offsetText) ? Number(offsetText) : -1;
  if (offset < 0 || offset > 2 ** 31 - 1) {
    return reject('SDRS.0222', 'Invalid offset: must be a non-negative integer');
  }
  const queryType = query.get('query_type') ?? undefined;
  if (queryType !== undefined && !QUERY_TYPES.has(queryType)) {
    return reject('SDRS.0201', 'Invalid request parameters: query_type');
  }
  return {
    ok: true,
    value: {
      limit,
      offset,
      status: query.get('status') ?? undefined,
      name: query.get('name') ?? undefined,
      availabilityZone: query.get('availability_zone') ?? undefined,
      queryType,
    },
  };
}

/** Apply the filters (name = case-sensitive substring) and paging; `count` is the filtered total. */
export function filterGroups(
  groups: Iterable<Group>,
  q: ListQuery,
): { server_groups: Group[]; count: number } {
  const matching = [...groups].filter((g) => {
    if (q.status !== undefined && q.status !== '' && g.status !== q.status) return false;
    if (q.name !== undefined && q.name !== '' && !g.name.includes(q.name)) return false;
    const currentAz =
      g.priority_station === 'target' ? g.target_availability_zone : g.source_availability_zone;
    if (q.availabilityZone && currentAz !== q.availabilityZone) return false;
    if (q.queryType === 'status_abnormal') {
      return g.status.startsWith('error') || g.health_status === 'abnormal';
    }
    if (q.queryType === 'stop_protected') return g.protected_status === 'stopped';
    if (q.queryType === 'period_no_dr_drill') return g.disaster_recovery_drill_num === 0;
    return true;
  });
  return { server_groups: matching.slice(q.offset, q.offset + q.limit), count: matching.length };
}
