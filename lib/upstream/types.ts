/**
 * What this service sends to SDRS (snake_case, as on the wire). SDRS's answers are read as
 * `unknown` and checked field by field where they are used: nothing is promised about them here.
 */

/** The `server_group` of `POST /v1/{project_id}/server-groups` (SDRS's word for a protection group). */
export interface SdrsServerGroupCreate {
  readonly name: string;
  readonly description?: string;
  readonly source_availability_zone: string;
  readonly target_availability_zone: string;
  readonly domain_id: string;
  readonly source_vpc_id: string;
  readonly dr_type: 'migration';
}

/** The filters and page of `GET /v1/{project_id}/server-groups`. */
export interface SdrsListQuery {
  readonly limit?: number;
  readonly offset?: number;
  readonly name?: string;
  readonly status?: string;
}
