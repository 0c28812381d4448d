import type { ActiveDomain, ActiveDomainList } from '../../schemas/responses.js';
import { logger } from '../observability/logger.js';
import { unexpectedAnswer } from '../upstream/normalise.js';
import type { SdrsClient } from '../upstream/sdrs-client.js';
import { asRecord, nonEmptyString, stringOrNull } from './values.js';

/**
 * One SDRS domain in the BFF's shape, or `undefined` when it lacks an id or either availability
 * zone: a form could not offer it as a valid choice (SDRS rejects any other AZ pair).
 */
export function toActiveDomain(value: unknown): ActiveDomain | undefined {
  const domain = asRecord(value);
  const id = nonEmptyString(domain?.id);
  const source = nonEmptyString(asRecord(domain?.local_replication_cluster)?.availability_zone);
  const target = nonEmptyString(asRecord(domain?.remote_replication_cluster)?.availability_zone);
  if (!domain || !id || !source || !target) return undefined;
  return {
    id,
    name: stringOrNull(domain.name) ?? id,
    description: stringOrNull(domain.description),
    soldOut: domain.sold_out === true,
    availabilityZones: { source, target },
  };
}

/** `GET /active-domains`: every usable active-active domain, in SDRS order, sold-out ones too. */
export async function listActiveDomains(client: SdrsClient): Promise<ActiveDomainList> {
  const result = await client.listActiveDomains();
  const raw = asRecord(result.value)?.domains;
  if (!Array.isArray(raw))
    throw unexpectedAnswer(200, result.upstreamRequestId, 'no `domains` array');
  const domains = raw.map(toActiveDomain).filter((d): d is ActiveDomain => d !== undefined);
  if (domains.length < raw.length) {
    logger.warn('active domains without id or availability zones left out', {
      upstreamDomains: raw.length,
      usableDomains: domains.length,
    });
  }
  return { domains };
}
