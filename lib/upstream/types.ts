/** Upstream SDRS shapes (snake_case, as on the wire), from the SDRS API reference. */

export interface UpstreamServerGroupCreate {
  readonly name: string;
  readonly description?: string;
  readonly source_availability_zone: string;
  readonly target_availability_zone: string;
  readonly domain_id: string;
  readonly source_vpc_id: string;
  readonly dr_type: 'migration';
}

export type UpstreamJobStatus = 'INIT' | 'RUNNING' | 'SUCCESS' | 'FAIL';

export interface UpstreamJob {
  readonly status?: string;
  readonly job_id?: string;
  readonly job_type?: string;
  readonly begin_time?: string | null;
  readonly end_time?: string | null;
  readonly error_code?: string | null;
  readonly fail_reason?: string | null;
  readonly entities?: { readonly server_group_id?: string | null } | null;
}

export interface UpstreamServerGroup {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly status: string;
  readonly progress?: number | null;
  readonly source_availability_zone: string;
  readonly target_availability_zone: string;
  readonly domain_id: string;
  readonly domain_name?: string | null;
  readonly priority_station?: string | null;
  readonly source_vpc_id: string;
  readonly dr_type?: string | null;
  readonly created_at?: string | null;
  readonly updated_at?: string | null;
  readonly [other: string]: unknown;
}

export interface UpstreamServerGroupPage {
  readonly server_groups: readonly UpstreamServerGroup[];
  readonly count: number;
}

export interface UpstreamListQuery {
  readonly limit?: number;
  readonly offset?: number;
  readonly name?: string;
  readonly status?: string;
}

export interface UpstreamDomain {
  readonly id: string;
  readonly name: string;
  readonly description?: string | null;
  readonly sold_out: boolean;
  readonly local_replication_cluster?: { readonly availability_zone: string } | null;
  readonly remote_replication_cluster?: { readonly availability_zone: string } | null;
}
