/**
 * In-memory upstream state: active-active domains, protection groups and jobs.
 */
import { randomBytes, randomUUID } from 'node:crypto';

/** Default project id of the simulator (32 lowercase hex). */
export const DEFAULT_PROJECT_ID = '0a1b2c3d4e5f60718293a4b5c6d7e8f9';
/** Id of the seeded, available active-active domain (AZs {@link SEED_AZ_SOURCE}/{@link SEED_AZ_TARGET}). */
export const SEED_DOMAIN_ID = '3f6c1b8a-2d4e-4f10-9a7b-5c8d9e0f1a2b';
/** Production-site (local) AZ of the available seed domain. */
export const SEED_AZ_SOURCE = 'ap-southeast-3a';
/** DR-site (remote) AZ of the available seed domain. */
export const SEED_AZ_TARGET = 'ap-southeast-3b';
/** Id of the seeded SOLD-OUT domain: a create against it fails with `SDRS.0233`. */
export const SOLD_OUT_DOMAIN_ID = '9d8e7f60-5a4b-4c3d-8e2f-1a0b9c8d7e6f';
/** Local AZ of the sold-out seed domain. */
export const SOLD_OUT_AZ_SOURCE = 'ap-southeast-3c';
/** Remote AZ of the sold-out seed domain. */
export const SOLD_OUT_AZ_TARGET = 'ap-southeast-3d';

/** Active-active domain as `GET /active-domains` returns it. */
export interface Domain {
  id: string;
  name: string;
  description: string;
  sold_out: boolean;
  local_replication_cluster: { availability_zone: string };
  remote_replication_cluster: { availability_zone: string };
}

/** Protection group, the full `ShowProtectionGroupParams` in snake_case. */
export interface Group {
  id: string;
  name: string;
  description: string | null;
  status: string;
  progress: number;
  source_availability_zone: string;
  target_availability_zone: string;
  domain_id: string;
  domain_name: string;
  priority_station: 'source' | 'target';
  protected_instance_num: number;
  replication_num: number;
  disaster_recovery_drill_num: number;
  protected_status: 'started' | 'stopped' | null;
  replication_status: string | null;
  health_status: 'normal' | 'abnormal' | null;
  source_vpc_id: string;
  target_vpc_id: string;
  test_vpc_id: string | null;
  dr_type: string;
  created_at: string;
  updated_at: string;
  protection_type: 'replication-pair' | null;
  replication_model: string | null;
  server_type: string;
}

/** Job status values of `GET /jobs/{job_id}`. */
export type SdrsJobStatus = 'INIT' | 'RUNNING' | 'SUCCESS' | 'FAIL';

/** Internal job record. */
export interface SdrsJob {
  jobId: string;
  jobType: string;
  groupId: string;
  /** The job ends in FAIL (create of a name starting with `fail-`). */
  willFail: boolean;
  /** Code and reason of the failure (set when the job was made to fail through the control). */
  failure?: { code: string; reason: string };
  /** Steps taken: 0 = INIT, 1 = RUNNING, 2 = terminal. */
  step: number;
  /** Polls that advanced the job (per-poll mode). */
  polls: number;
  createdAt: number;
  beginTime: string;
  endTime: string | null;
}

/** The body of `GET /jobs/{job_id}`. */
export interface SdrsJobView {
  status: SdrsJobStatus;
  entities: { server_group_id?: string; sub_jobs: unknown[] };
  job_id: string;
  job_type: string;
  begin_time: string;
  end_time: string | null;
  error_code: string | null;
  fail_reason: string | null;
}

/** Error code a failed create job carries. */
export const JOB_FAIL_CODE = 'SDRS.1014';
const JOB_FAIL_REASON =
  'Failed to create the protection group: no resources available in the DR site';

/** The two seed domains (copies, so callers cannot mutate the seed). */
export function seedDomains(): Domain[] {
  return [
    {
      id: SEED_DOMAIN_ID,
      name: 'ActiveactiveDomain',
      description: 'Active-active domain ap-southeast-3a/ap-southeast-3b',
      sold_out: false,
      local_replication_cluster: { availability_zone: SEED_AZ_SOURCE },
      remote_replication_cluster: { availability_zone: SEED_AZ_TARGET },
    },
    {
      id: SOLD_OUT_DOMAIN_ID,
      name: 'ActiveactiveDomainSoldOut',
      description: 'Active-active domain ap-southeast-3c/ap-southeast-3d (sold out)',
      sold_out: true,
      local_replication_cluster: { availability_zone: SOLD_OUT_AZ_SOURCE },
      remote_replication_cluster: { availability_zone: SOLD_OUT_AZ_TARGET },
    },
  ];
}

/** SDRS docs-style timestamp `yyyy-MM-dd HH:mm:ss.SSS` (UTC). */
export function sdrsTimestamp(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

/** Fields a create supplies. */
export interface CreateInput {
  name: string;
  description?: string | null;
  source_availability_zone: string;
  target_availability_zone: string;
  domain_id: string;
  source_vpc_id: string;
  dr_type?: string;
}

/** How the next creates' jobs fail (the control's `job-fails` toggle). */
export interface JobFailure {
  readonly code: string;
  readonly reason?: string;
  /** How many of the next accepted creates get it. */
  readonly times: number;
}

/** Mutable state of one simulator instance. */
export class SimulatorState {
  readonly domains: Domain[] = seedDomains();
  readonly groups = new Map<string, Group>();
  readonly jobs = new Map<string, SdrsJob>();
  accepted = 0;
  private seedCounter = 0;
  private jobFailures: { code: string; reason: string; left: number }[] = [];

  /** @param jobStepMs when set, jobs advance by elapsed time instead of by poll. */
  constructor(private readonly jobStepMs?: number) {}

  /** Forget groups, jobs and counters (domains stay). */
  reset(): void {
    this.groups.clear();
    this.jobs.clear();
    this.accepted = 0;
    this.seedCounter = 0;
    this.jobFailures = [];
  }

  /** The jobs of the next `times` accepted creates end FAIL with `code` (and `reason`). */
  failNextJobs(failure: JobFailure): void {
    if (!(failure.times > 0)) throw new RangeError('failure.times must be > 0');
    const reason = failure.reason ?? JOB_FAIL_REASON;
    this.jobFailures.push({ code: failure.code, reason, left: failure.times });
  }

  /** Forget the queued job failures. */
  clearJobFailures(): void {
    this.jobFailures = [];
  }

  /** The queued job failures with the creates each has left. */
  pendingJobFailures(): JobFailure[] {
    return this.jobFailures.map(({ code, reason, left }) => ({ code, reason, times: left }));
  }

  private takeJobFailure(): { code: string; reason: string } | undefined {
    const first = this.jobFailures[0];
    if (!first) return undefined;
    first.left -= 1;
    if (first.left <= 0) this.jobFailures.shift();
    return { code: first.code, reason: first.reason };
  }

  /** Add an existing group; unspecified fields get plausible values. */
  seedGroup(partial: Partial<Group> = {}, now = Date.now()): Group {
    this.seedCounter += 1;
    return this.insert({ name: `pg-seed-${this.seedCounter}`, ...partial }, now);
  }

  private insert(partial: Partial<Group>, now: number): Group {
    const domain = this.domains.find((d) => d.id === (partial.domain_id ?? SEED_DOMAIN_ID));
    const ts = sdrsTimestamp(now);
    const group: Group = {
      id: randomUUID(),
      name: 'pg-seed',
      description: null,
      status: 'available',
      progress: 0, // the documented example of an available group shows 0
      source_availability_zone:
        domain?.local_replication_cluster.availability_zone ?? SEED_AZ_SOURCE,
      target_availability_zone:
        domain?.remote_replication_cluster.availability_zone ?? SEED_AZ_TARGET,
      domain_id: domain?.id ?? SEED_DOMAIN_ID,
      domain_name: domain?.name ?? 'ActiveactiveDomain',
      priority_station: 'source',
      protected_instance_num: 0,
      replication_num: 0,
      disaster_recovery_drill_num: 0,
      protected_status: null,
      replication_status: null,
      health_status: null,
      source_vpc_id: randomUUID(),
      target_vpc_id: '',
      test_vpc_id: null,
      dr_type: 'migration',
      created_at: ts,
      updated_at: ts,
      protection_type: 'replication-pair', // the only value the current docs name
      replication_model: null,
      server_type: 'ECS',
      ...partial,
    };
    if (!group.target_vpc_id) group.target_vpc_id = group.source_vpc_id;
    this.groups.set(group.id, group);
    return group;
  }

  /** Perform an accepted create: new group in `creating`, new job in INIT. Returns the job id. */
  create(input: CreateInput, now = Date.now()): string {
    const domain = this.domains.find((d) => d.id === input.domain_id);
    const group = this.insert(
      {
        name: input.name,
        description: input.description ?? null,
        status: 'creating',
        progress: 0,
        source_availability_zone: input.source_availability_zone,
        target_availability_zone: input.target_availability_zone,
        domain_id: input.domain_id,
        domain_name: domain?.name ?? '',
        source_vpc_id: input.source_vpc_id,
        target_vpc_id: input.source_vpc_id,
        dr_type: input.dr_type ?? 'migration',
      },
      now,
    );
    const jobId = randomBytes(16).toString('hex');
    const failure = this.takeJobFailure();
    this.jobs.set(jobId, {
      jobId,
      jobType: 'createProtectionGroupNoCG',
      groupId: group.id,
      ...(failure && { failure }),
      willFail: failure !== undefined || input.name.startsWith('fail-'),
      step: 0,
      polls: 0,
      createdAt: now,
      beginTime: new Date(now).toISOString(),
      endTime: null,
    });
    this.accepted += 1;
    return jobId;
  }

  /**
   * The job as a poll sees it. Per-poll mode (when `advance`): the 1st poll sees INIT, the 2nd
   * RUNNING, the 3rd and later SUCCESS/FAIL; the group changes status when a poll first sees the
   * terminal state. `advance` false = peek without counting. With `jobStepMs` the step is
   * `floor(elapsed / jobStepMs)` instead and `advance` does not matter.
   */
  pollJob(jobId: string, advance: boolean, now = Date.now()): SdrsJobView | undefined {
    const job = this.jobs.get(jobId);
    if (!job) return undefined;
    if (this.jobStepMs !== undefined) this.settle(job, now);
    if (this.jobStepMs === undefined && advance) {
      job.polls += 1;
      const step = Math.min(2, job.polls - 1);
      if (step > job.step) {
        job.step = step;
        this.applyToGroup(job, now);
      }
    }
    return this.view(job);
  }

  /** With time-based jobs, bring every job (and its group) up to date. */
  settleAll(now = Date.now()): void {
    if (this.jobStepMs === undefined) return;
    for (const job of this.jobs.values()) this.settle(job, now);
  }

  private settle(job: SdrsJob, now: number): void {
    const step = Math.min(2, Math.floor((now - job.createdAt) / Math.max(1, this.jobStepMs ?? 1)));
    if (step > job.step) {
      job.step = step;
      this.applyToGroup(job, now);
    }
  }

  private applyToGroup(job: SdrsJob, now: number): void {
    const group = this.groups.get(job.groupId);
    if (job.step >= 2 && job.endTime === null) job.endTime = new Date(now).toISOString();
    if (!group) return;
    group.updated_at = sdrsTimestamp(now);
    // `progress` is the replication sync progress: a new group has no replication pairs, so it
    // stays 0 throughout (what SDRS shows while `creating` is not documented: our choice).
    if (job.step >= 2) group.status = job.willFail ? 'error' : 'available';
  }

  private view(job: SdrsJob): SdrsJobView {
    const terminal = job.step >= 2;
    const status: SdrsJobStatus = terminal
      ? job.willFail
        ? 'FAIL'
        : 'SUCCESS'
      : job.step === 1
        ? 'RUNNING'
        : 'INIT';
    return {
      status,
      entities: terminal ? { server_group_id: job.groupId, sub_jobs: [] } : { sub_jobs: [] },
      job_id: job.jobId,
      job_type: job.jobType,
      begin_time: job.beginTime,
      end_time: terminal ? job.endTime : null,
      error_code: status === 'FAIL' ? (job.failure?.code ?? JOB_FAIL_CODE) : null,
      fail_reason: status === 'FAIL' ? (job.failure?.reason ?? JOB_FAIL_REASON) : null,
    };
  }
}
