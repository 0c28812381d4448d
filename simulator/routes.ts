/**
 * Routing and the normal (fault-free) processing of one request.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { checkAuth, type SimulatorCredentials } from './auth.js';
import {
  type Answer,
  gatewayError,
  jsonAnswer,
  NULL_JOB,
  notFoundAnswer,
  sdrsError,
} from './envelopes.js';
import { backendUnavailableAnswer, type RouteName } from './faults.js';
import type { SimulatorState } from './state.js';
import { checkCreateBody, checkListQuery, filterGroups } from './validation.js';

/** Where a path leads. */
export interface Resolved {
  /** The route, or `unknown` when the path or method matches nothing. */
  route: RouteName | 'unknown';
  /** The path matched a known resource (a wrong method then gives 405, not 404). */
  pathKnown: boolean;
  /** Methods the path supports. */
  allowed: string[];
  /** `{project_id}` of the path. */
  projectId?: string;
  /** `{job_id}` or `{server_group_id}`. */
  id?: string;
}

const PATTERNS: { re: RegExp; methods: Partial<Record<string, RouteName>> }[] = [
  { re: /^\/v1\/([^/]+)\/server-groups\/?$/, methods: { GET: 'list', POST: 'create' } },
  { re: /^\/v1\/([^/]+)\/server-groups\/([^/]+)\/?$/, methods: { GET: 'show' } },
  { re: /^\/v1\/([^/]+)\/jobs\/([^/]+)\/?$/, methods: { GET: 'job' } },
  { re: /^\/v1\/([^/]+)\/active-domains\/?$/, methods: { GET: 'domains' } },
];

/** Match a method and path to a route. */
export function resolve(method: string, pathname: string): Resolved {
  for (const { re, methods } of PATTERNS) {
    const m = re.exec(pathname);
    if (!m) continue;
    return {
      route: methods[method] ?? 'unknown',
      pathKnown: true,
      allowed: Object.keys(methods),
      projectId: m[1],
      id: m[2],
    };
  }
  return { route: 'unknown', pathKnown: false, allowed: [] };
}

/** Everything processing needs about the request and the simulator. */
export interface RequestContext {
  state: SimulatorState;
  projectId: string;
  credentials: SimulatorCredentials;
  requestId: string;
  method: string;
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
  now: number;
}

/** Outcome of processing. */
export interface Processed {
  answer: Answer;
  /** A create was accepted (counted, job created). */
  accepted: boolean;
  /** Which verifier accepted the signature (unset when authentication did not pass). */
  verifiedBy?: 'official' | 'raw';
}

/**
 * Process a request the way the gateway + SDRS would. With `commit` false nothing changes:
 * a job poll does not advance, and a create that passes every check is NOT performed and
 * answers 502 `APIGW.0201` instead (the gateway "could not reach" the backend).
 */
export function processRequest(
  ctx: RequestContext,
  resolved: Resolved,
  commit: boolean,
): Processed {
  const { requestId } = ctx;
  const answer = (a: Answer): Processed => ({ answer: a, accepted: false });
  if (!resolved.pathKnown || resolved.projectId !== ctx.projectId) {
    return answer(notFoundAnswer(requestId));
  }
  if (resolved.route === 'unknown') {
    return answer(
      jsonAnswer(
        405,
        gatewayError('0101', `Method ${ctx.method} not allowed`, 'APIGW', requestId),
        requestId,
        { allow: resolved.allowed.join(', ') },
      ),
    );
  }
  const auth = checkAuth(
    {
      method: ctx.method,
      url: ctx.url,
      headers: ctx.headers,
      body: ctx.body,
      projectId: resolved.projectId,
      credentials: ctx.credentials,
      now: ctx.now,
    },
    requestId,
  );
  if (auth.denied) return answer(auth.denied);
  const { verifiedBy } = auth;
  const ok = (body: unknown): Processed => ({
    answer: jsonAnswer(200, body, requestId),
    accepted: false,
    verifiedBy,
  });
  const bad = (code: string, message: string, status = 400): Processed => ({
    answer: jsonAnswer(status, sdrsError(code, message), requestId),
    accepted: false,
    verifiedBy,
  });
  const { state } = ctx;
  switch (resolved.route) {
    case 'create': {
      const checked = checkCreateBody(ctx.body.toString('utf8'), state.domains);
      if (!checked.ok) return bad(checked.rejection.code, checked.rejection.message);
      if (!commit) return answer(backendUnavailableAnswer(requestId));
      const jobId = state.create(checked.value, ctx.now);
      return { answer: jsonAnswer(200, { job_id: jobId }, requestId), accepted: true, verifiedBy };
    }
    case 'job': {
      const view = state.pollJob(resolved.id ?? '', commit, ctx.now);
      // SDRS's error table has one "no job" code, SDRS.0408 "Null job", at HTTP 500 (its whole
      // job-engine block is 500); that it is what an unknown id gets is our reading of it.
      if (!view) return bad(NULL_JOB.code, NULL_JOB.message, NULL_JOB.status);
      return ok(view);
    }
    case 'list': {
      const checked = checkListQuery(ctx.url.searchParams);
      if (!checked.ok) return bad(checked.rejection.code, checked.rejection.message);
      state.settleAll(ctx.now);
      return ok(filterGroups(state.groups.values(), checked.value));
    }
    case 'show': {
      state.settleAll(ctx.now);
      const group = state.groups.get(resolved.id ?? '');
      // 400 SDRS.1013, not 404: what terraform-provider-huaweicloud treats as "gone".
      if (!group) return bad('SDRS.1013', 'The protection group does not exist');
      return ok({ server_group: group });
    }
    case 'domains':
      return ok({ domains: state.domains });
  }
}
