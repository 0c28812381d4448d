import type { ListProtectionGroupsQuery } from '../../schemas/lookups.js';
import type { ProtectionGroup, ProtectionGroupPage } from '../../schemas/responses.js';
import { unexpectedAnswer } from '../upstream/normalise.js';
import type { SdrsClient, UpstreamResult } from '../upstream/sdrs-client.js';
import { asRecord, countOrNull, isoTimestamp, stringOrNull } from './values.js';

/**
 * Most groups asked of SDRS in one call. The client reads at most 64 KiB of an answer and a group
 * is ~0.8 KiB of JSON (up to ~1 KiB with a long escaped description), so 100 in one answer would
 * be cut; 50 leave room. A larger page is fetched as several calls in parallel.
 */
export const UPSTREAM_PAGE_SIZE = 50;

/** One SDRS `ShowProtectionGroupParams` in camelCase; `undefined` when it has no id. */
export function toProtectionGroup(value: unknown): ProtectionGroup | undefined {
  const group = asRecord(value);
  const id = stringOrNull(group?.id);
  if (!group || !id) return undefined;
  const progress = countOrNull(group.progress);
  return {
    id,
    name: stringOrNull(group.name) ?? '',
    description: stringOrNull(group.description),
    status: stringOrNull(group.status) ?? '',
    progress: progress !== null && progress <= 100 ? progress : null,
    sourceAvailabilityZone: stringOrNull(group.source_availability_zone) ?? '',
    targetAvailabilityZone: stringOrNull(group.target_availability_zone) ?? '',
    productionSite: stringOrNull(group.priority_station),
    domainId: stringOrNull(group.domain_id) ?? '',
    domainName: stringOrNull(group.domain_name),
    sourceVpcId: stringOrNull(group.source_vpc_id) ?? '',
    targetVpcId: stringOrNull(group.target_vpc_id),
    drType: stringOrNull(group.dr_type),
    protectionStatus: stringOrNull(group.protected_status),
    replicationStatus: stringOrNull(group.replication_status),
    healthStatus: stringOrNull(group.health_status),
    protectedInstanceCount: countOrNull(group.protected_instance_num),
    replicationPairCount: countOrNull(group.replication_num),
    drillCount: countOrNull(group.disaster_recovery_drill_num),
    createdAt: isoTimestamp(group.created_at),
    updatedAt: isoTimestamp(group.updated_at),
  };
}

/** One page of SDRS's group list, read: the usable groups, how many entries came, and `count`. */
export interface GroupListPage {
  readonly groups: ProtectionGroup[];
  /** Entries in the answer, groups without an id included (they still move the offset). */
  readonly received: number;
  /** SDRS's total, or `null` when it sent none or an unusable one. */
  readonly count: number | null;
}

/** Reads one answer of `GET …/server-groups`; an answer without a `server_groups` array is 502. */
export function readGroupListPage(result: UpstreamResult<unknown>): GroupListPage {
  const answer = asRecord(result.value);
  const raw = answer?.server_groups;
  if (!Array.isArray(raw))
    throw unexpectedAnswer(200, result.upstreamRequestId, 'no `server_groups` array');
  const groups = raw.map(toProtectionGroup).filter((g): g is ProtectionGroup => g !== undefined);
  return { groups, received: raw.length, count: countOrNull(answer?.count) };
}

interface UpstreamPage {
  readonly groups: ProtectionGroup[];
  readonly count: number;
}

async function fetchPage(
  client: SdrsClient,
  query: ListProtectionGroupsQuery,
  offset: number,
  limit: number,
): Promise<UpstreamPage> {
  const result = await client.listProtectionGroups({
    limit,
    offset,
    ...(query.name !== undefined && { name: query.name }),
    ...(query.status !== undefined && { status: query.status }),
  });
  const page = readGroupListPage(result);
  return { groups: page.groups, count: page.count ?? offset + page.received };
}

/**
 * `GET /protection-groups`: one page of the groups matching `name` (substring) and `status`,
 * with the total `count` and the `next`/`previous` offsets (or `null`) a front end pages with.
 */
export async function listProtectionGroups(
  query: ListProtectionGroupsQuery,
  client: SdrsClient,
): Promise<ProtectionGroupPage> {
  const { limit, offset } = query;
  const chunks: Promise<UpstreamPage>[] = [];
  for (let start = 0; start < limit; start += UPSTREAM_PAGE_SIZE) {
    chunks.push(
      fetchPage(client, query, offset + start, Math.min(UPSTREAM_PAGE_SIZE, limit - start)),
    );
  }
  const pages = await Promise.all(chunks);
  const items = pages.flatMap((page) => page.groups).slice(0, limit);
  const count = Math.max(...pages.map((page) => page.count));
  return {
    items,
    count,
    limit,
    offset,
    next: offset + limit < count ? offset + limit : null,
    previous: offset > 0 ? Math.max(0, offset - limit) : null,
  };
}
