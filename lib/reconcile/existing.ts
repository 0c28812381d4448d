import type { ProtectionGroup } from '../../schemas/responses.js';
import { toProtectionGroup } from '../lookups/protection-groups.js';
import { asRecord, countOrNull } from '../lookups/values.js';
import { unexpectedAnswer } from '../upstream/normalise.js';
import type { SdrsClient } from '../upstream/sdrs-client.js';
import { callWithResends, type RunResends } from './run-client.js';

/** Stops a paging loop on an upstream whose `count` never stops growing. */
const MAX_PAGES = 10_000;

/**
 * The run's one read of the existing groups: every page of the list API, in order, each call
 * rate-limited and resent under the run's resend rule. Groups without an id are left out.
 */
export async function readExistingGroups(
  client: SdrsClient,
  pageSize: number,
  resends: RunResends,
): Promise<ProtectionGroup[]> {
  const groups: ProtectionGroup[] = [];
  let offset = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await callWithResends(
      'read',
      () => client.listProtectionGroups({ limit: pageSize, offset }),
      resends,
    );
    const answer = asRecord(result.value);
    const raw = answer?.server_groups;
    if (!Array.isArray(raw))
      throw unexpectedAnswer(200, result.upstreamRequestId, 'no `server_groups` array');
    for (const value of raw) {
      const group = toProtectionGroup(value);
      if (group) groups.push(group);
    }
    offset += raw.length;
    const count = countOrNull(answer?.count);
    if (
      raw.length === 0 ||
      (count !== null && offset >= count) ||
      (count === null && raw.length < pageSize)
    ) {
      return groups;
    }
  }
  throw unexpectedAnswer(200, undefined, `the list did not end within ${MAX_PAGES} pages`);
}
