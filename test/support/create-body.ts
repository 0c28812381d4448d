import type { CreateProtectionGroupRequest } from '../../schemas/create-protection-group.js';
import { SEED_AZ_SOURCE, SEED_AZ_TARGET, SEED_DOMAIN_ID } from '../../simulator/index.js';

/** The create body as a front end sends it (`drType` may be left to its default). */
export type CreateRequestBody = Omit<CreateProtectionGroupRequest, 'drType'> &
  Partial<Pick<CreateProtectionGroupRequest, 'drType'>>;

/** A front-end create body the simulator accepts (its seeded domain and AZ pair); override any field. */
export function createRequestBody(overrides: Partial<CreateRequestBody> = {}): CreateRequestBody {
  return {
    name: 'pg-web-01',
    sourceAvailabilityZone: SEED_AZ_SOURCE,
    targetAvailabilityZone: SEED_AZ_TARGET,
    domainId: SEED_DOMAIN_ID,
    sourceVpcId: 'vpc-0a1b2c3d',
    ...overrides,
  };
}
