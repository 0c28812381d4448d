import type { ProtectionGroup } from '../../schemas/responses.js';
import { readGroupListPage } from '../lookups/protection-groups.js';
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
    const { groups: read, received, count } = readGroupListPage(result);
    groups.push(...read);
    offset += received;
    if (
      received === 0 ||
      (count !== null && offset >= count) ||
      (count === null && received < pageSize)
    ) {
      return groups;
    }
  }
  throw unexpectedAnswer(200, undefined, `the list did not end within ${MAX_PAGES} pages`);
}
