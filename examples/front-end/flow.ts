/**
 * A front end's whole flow with the typed client, as a UI would run it: fill the form's choices,
 * create (safe to retry), follow the job, show the new group, and turn any problem into a
 * message. Compiled with `tsc --strict` and no casts (test/client/example.test.ts); run against
 * `npm start` by the smoke test (`npx tsx examples/front-end/run.ts http://localhost:3000`).
 */
import {
  type AnyProblem,
  createProtectionGroup,
  createSdrsBffClient,
  SdrsBffError,
  waitForJob,
} from '@sdrs-bff/client';

/** What the UI tells its user for each problem `code`; the compiler checks every code is here. */
export function messageFor(problem: AnyProblem): string {
  switch (problem.code) {
    case 'VALIDATION_FAILED':
    case 'WEBHOOK_PAYLOAD_UNMAPPABLE':
      return `Please fix: ${(problem.errors ?? []).map((e) => `${e.pointer} ${e.detail}`).join('; ')}`;
    case 'MALFORMED_JSON':
    case 'UNSUPPORTED_MEDIA_TYPE':
    case 'PAYLOAD_TOO_LARGE':
    case 'NOT_FOUND':
    case 'JOB_NOT_FOUND':
    case 'METHOD_NOT_ALLOWED':
    case 'WEBHOOK_SOURCE_UNKNOWN':
    case 'IDEMPOTENCY_KEY_INVALID':
    case 'IDEMPOTENCY_KEY_REUSED':
      return `This page sent a request the service refuses (${problem.code}); reload it.`;
    case 'UNAUTHENTICATED':
      return 'Your session has ended: sign in again.';
    case 'FORBIDDEN':
      return 'You may not do this: ask for the protection-groups role.';
    case 'UPSTREAM_REJECTED':
    case 'UPSTREAM_JOB_FAILED':
      return `SDRS refused it: ${problem.upstream?.message ?? problem.detail ?? problem.title}`;
    case 'UPSTREAM_CONFLICT':
      return 'The group changed meanwhile: reload it, then try again.';
    case 'UPSTREAM_THROTTLED':
    case 'UPSTREAM_UNAVAILABLE':
    case 'UPSTREAM_TIMEOUT':
    case 'IDEMPOTENCY_IN_PROGRESS':
    case 'IDEMPOTENCY_STORE_UNAVAILABLE':
      return 'SDRS is busy: try again in a moment (your request will not be doubled).';
    case 'S3_UNAVAILABLE':
      return 'The run reports cannot be read just now: try again in a moment.';
    case 'DESIRED_LIST_NOT_FOUND':
      return 'The desired list is missing: upload it, the next run reads it.';
    case 'UPSTREAM_AUTH_FAILED':
    case 'S3_ACCESS_DENIED':
    case 'INTERNAL':
      return `Something is wrong on our side; quote ${problem.requestId} to support.`;
    default: {
      const unhandled: never = problem;
      return unhandled;
    }
  }
}

/** What the flow did, as a UI would have shown it. */
export interface FlowReport {
  readonly domain: string;
  readonly name: string;
  readonly createAttempts: number;
  readonly retries: string[];
  readonly progress: string[];
  readonly job: string;
  readonly protectionGroupId: string | null;
  readonly listed: boolean;
  readonly invalidCreate: string;
}

/** Runs the flow against `baseUrl`; `name` is the new group's name; `token` the access token. */
export async function runFrontEndFlow(
  baseUrl: string,
  name: string,
  token?: string,
): Promise<FlowReport> {
  const api = createSdrsBffClient({ baseUrl, accessToken: () => token });

  // The form: domains and the AZ pair that goes with each.
  const domains = await api.GET('/active-domains');
  if (!domains.data) throw SdrsBffError.from(domains);
  const domain = domains.data.domains.find((d) => !d.soldOut);
  if (!domain) throw new Error('no active-active domain has capacity');

  // Create: safe to retry, the helper makes the Idempotency-Key and honours Retry-After.
  const retries: string[] = [];
  const created = await createProtectionGroup(
    api,
    {
      name,
      description: 'created by the front-end example',
      domainId: domain.id,
      sourceAvailabilityZone: domain.availabilityZones.source,
      targetAvailabilityZone: domain.availabilityZones.target,
      sourceVpcId: 'vpc-0a1b2c3d',
    },
    {
      onRetry: ({ error, waitSeconds }) =>
        retries.push(
          `${error.status} ${error.problem?.code ?? error.gateway?.message} → ${waitSeconds}s`,
        ),
    },
  );

  // Follow the job, at the pace the API asks for.
  const progress: string[] = [];
  const job = await waitForJob(api, created.job.jobId, {
    signal: AbortSignal.timeout(120_000),
    onProgress: (j) => progress.push(j.status),
  });

  // Show the new group in the list.
  const page = await api.GET('/protection-groups', { params: { query: { name, limit: 10 } } });
  if (!page.data) throw SdrsBffError.from(page);
  const listed = page.data.items.some((g) => g.id === job.protectionGroupId);

  // And what the user sees when the form is wrong.
  let invalidCreate = 'accepted?';
  try {
    await createProtectionGroup(api, {
      name: 'not a valid name!',
      domainId: domain.id,
      sourceAvailabilityZone: domain.availabilityZones.source,
      targetAvailabilityZone: domain.availabilityZones.target,
      sourceVpcId: 'vpc-0a1b2c3d',
    });
  } catch (error) {
    if (!(error instanceof SdrsBffError) || !error.problem) throw error;
    invalidCreate = messageFor(error.problem);
  }

  return {
    domain: domain.id,
    name,
    createAttempts: created.attempts,
    retries,
    progress,
    job:
      job.status === 'failed'
        ? `failed: ${job.problem?.upstream?.message ?? job.problem?.detail ?? 'no reason given'}`
        : job.status,
    protectionGroupId: job.protectionGroupId ?? null,
    listed,
    invalidCreate,
  };
}
