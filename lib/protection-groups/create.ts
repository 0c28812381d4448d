import type { CreateProtectionGroupRequest } from '../../schemas/index.js';
import type { SdrsClient } from '../upstream/sdrs-client.js';
import type { SdrsServerGroupCreate } from '../upstream/types.js';

/**
 * Maps the front end's flat camelCase body to SDRS's `server_group`. An empty description is
 * left out, as the official Go SDK does, since the newer SDRS docs require at least 1 character.
 * `drType` is always set: the validator fills in its default.
 */
export function toSdrsServerGroup(body: CreateProtectionGroupRequest): SdrsServerGroupCreate {
  return {
    name: body.name,
    ...(body.description ? { description: body.description } : {}),
    source_availability_zone: body.sourceAvailabilityZone,
    target_availability_zone: body.targetAvailabilityZone,
    domain_id: body.domainId,
    source_vpc_id: body.sourceVpcId,
    dr_type: body.drType,
  };
}

/**
 * Asks SDRS to create a protection group from a validated request.
 *
 * @returns the id of the SDRS job that creates it (asynchronously)
 */
export async function createProtectionGroup(
  body: CreateProtectionGroupRequest,
  client: SdrsClient,
): Promise<string> {
  const result = await client.createProtectionGroup(toSdrsServerGroup(body));
  return result.value.jobId;
}
