import type { CreateProtectionGroupRequest } from '../../schemas/index.js';
import type { SdrsClient } from '../upstream/sdrs-client.js';
import type { UpstreamServerGroupCreate } from '../upstream/types.js';

/** An accepted create: SDRS works on it asynchronously under this job id. */
export interface AcceptedJob {
  readonly jobId: string;
  readonly upstreamRequestId: string | undefined;
}

/**
 * Maps the front end's flat camelCase body to SDRS's `server_group`. An empty description is
 * left out, as the official Go SDK does, since the newer SDRS docs require at least 1 character.
 */
export function toUpstreamServerGroup(
  body: CreateProtectionGroupRequest,
): UpstreamServerGroupCreate {
  return {
    name: body.name,
    ...(body.description ? { description: body.description } : {}),
    source_availability_zone: body.sourceAvailabilityZone,
    target_availability_zone: body.targetAvailabilityZone,
    domain_id: body.domainId,
    source_vpc_id: body.sourceVpcId,
    dr_type: body.drType ?? 'migration',
  };
}

/** Asks SDRS to create a protection group from a validated request. */
export async function createProtectionGroup(
  body: CreateProtectionGroupRequest,
  client: SdrsClient,
): Promise<AcceptedJob> {
  const result = await client.createProtectionGroup(toUpstreamServerGroup(body));
  return { jobId: result.value.jobId, upstreamRequestId: result.upstreamRequestId };
}
