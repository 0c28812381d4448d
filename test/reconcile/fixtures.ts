import type { LocalStack } from '../../scripts/local-stack.js';
import { SEED_AZ_SOURCE, SEED_AZ_TARGET, SEED_DOMAIN_ID } from '../../simulator/index.js';
import type { LocalUpstream } from '../support/local-upstream.js';

/** A valid create body in the simulator's seed domain. */
export function desired(
  name: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name,
    description: `desired ${name}`,
    sourceAvailabilityZone: SEED_AZ_SOURCE,
    targetAvailabilityZone: SEED_AZ_TARGET,
    domainId: SEED_DOMAIN_ID,
    sourceVpcId: 'vpc-desired',
    ...extra,
  };
}

/** The fields of `desired(name)` as the simulator stores an existing group. */
export function existingFields(name: string) {
  return {
    name,
    description: `desired ${name}`,
    source_availability_zone: SEED_AZ_SOURCE,
    target_availability_zone: SEED_AZ_TARGET,
    domain_id: SEED_DOMAIN_ID,
    source_vpc_id: 'vpc-desired',
  };
}

/** Highest number of times within any 1000 ms span `[t, t + 1000)`. */
export function maxInAnySecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] ?? 0) - (sorted[start] ?? 0) >= 1000) start++;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

/** The note a running `npm start` (this process) would write, serving `upstream`'s simulator. */
export function stackNoteFor(upstream: LocalUpstream): LocalStack {
  return {
    pid: process.pid,
    apiUrl: 'http://localhost:3000',
    sdrsEndpoint: upstream.sim.url,
    sdrsProjectId: upstream.sim.projectId,
    upstream: 'simulator',
    sdrsSecretFile: upstream.secretFile,
  };
}
