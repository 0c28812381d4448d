/**
 * SDRS simulator: a real HTTP server on loopback that behaves like the Huawei Cloud SDRS API (and
 * the API gateway in front of it) for every call the BFF makes. See simulator/README.md.
 *
 * @example
 * const sim = await startSimulator();
 * // point the client at sim.url, sign with sim.credentials, project sim.projectId
 * await sim.close();
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import type { SimulatorCredentials } from './auth.js';
import { gatewayError, jsonAnswer, newRequestId, throttleAnswer } from './envelopes.js';
import {
  type DeliveryContext,
  deliverFault,
  type Fault,
  FaultQueue,
  type RouteName,
  sendAnswer,
} from './faults.js';
import { MAX_BODY_BYTES, queryRecord, readBody } from './http.js';
import { GatewayThrottle, maxPerSecond } from './rate.js';
import { processRequest, resolve } from './routes.js';
import { DEFAULT_PROJECT_ID, type Group, SimulatorState } from './state.js';

export type { SimulatorCredentials } from './auth.js';
export { CLOCK_WINDOW_MS, SIGNATURE_FAIL_MSG } from './auth.js';
export {
  type Answer,
  type GatewayPrefix,
  gatewayError,
  keystoneError,
  sdrsError,
} from './envelopes.js';
export type { Fault, FaultKind, FaultRoute, RouteName } from './faults.js';
export {
  DEFAULT_PROJECT_ID,
  type Domain,
  type Group,
  JOB_FAIL_CODE,
  type SdrsJobStatus,
  type SdrsJobView,
  SEED_AZ_SOURCE,
  SEED_AZ_TARGET,
  SEED_DOMAIN_ID,
  SOLD_OUT_AZ_SOURCE,
  SOLD_OUT_AZ_TARGET,
  SOLD_OUT_DOMAIN_ID,
} from './state.js';

/** Default access key of the simulator. */
export const DEFAULT_AK = 'SIMULATORAK000000001';
/** Default secret key of the simulator. */
export const DEFAULT_SK = 'SimulatorSecretKey0123456789abcdefghij';
/** Default credentials (permanent keys, no security token). */
export const DEFAULT_CREDENTIALS: Readonly<SimulatorCredentials> = Object.freeze({
  ak: DEFAULT_AK,
  sk: DEFAULT_SK,
});
export { MAX_BODY_BYTES };

/** Options of {@link startSimulator}. */
export interface SimulatorOptions {
  /** Port to listen on; 0 (default) = random free port. */
  port?: number;
  /** Only loopback is supported. */
  host?: '127.0.0.1';
  /** Project id accepted in paths and `X-Project-Id` (default {@link DEFAULT_PROJECT_ID}). */
  projectId?: string;
  /** Accepted credentials (default {@link DEFAULT_CREDENTIALS}). */
  credentials?: SimulatorCredentials;
  /** When set, jobs advance one step per `jobStepMs` of elapsed time instead of one per poll. */
  jobStepMs?: number;
  /** Gateway throttle emulation: more than N requests in one wall-clock second → 429. */
  rateLimitPerSecond?: number;
}

/** One request as the simulator received it. */
export interface RecordedRequest {
  method: string;
  /** Path without the query. */
  path: string;
  /** Decoded query; a repeated key gives an array. */
  query: Record<string, string | string[]>;
  /** Headers as Node parsed them (lowercase names). */
  headers: IncomingHttpHeaders;
  /** Body as UTF-8 text ('' when none). */
  body: string;
  /** Arrival time (ms since epoch), taken when the request line and headers arrived. */
  receivedAt: number;
  route: RouteName | 'unknown';
  /** The `X-Request-Id` the simulator answered (or would have answered) with. */
  requestId: string;
  /** Status sent; undefined while pending or when the fault sent none (no-answer, reset). */
  status?: number;
  /** Kind of the fault applied to this request, if any (`rate-limit` for the built-in throttle). */
  fault?: Fault['kind'] | 'rate-limit';
  /** A create was accepted (counted). */
  accepted: boolean;
  /**
   * Which verifier accepted the signature: `official` (the Huawei SDK signer, for empty and
   * `JSON.stringify`-canonical bodies) or `raw` (byte-level, for any other body). Unset if the
   * request was not authenticated (rejected, faulted without processing, unknown path).
   */
  verifiedBy?: 'official' | 'raw';
  /** The client went away before the body was complete (nothing was processed). */
  incomplete?: boolean;
}

/** A running simulator. */
export interface SdrsSimulator {
  /** Base URL, `http://127.0.0.1:PORT` (no trailing slash). */
  readonly url: string;
  readonly projectId: string;
  /** Accepted credentials; the live object (assign or use {@link setCredentials} to rotate). */
  credentials: SimulatorCredentials;
  /** Replace the accepted credentials (key rotation): old keys fail from now on with 401. */
  setCredentials(credentials: SimulatorCredentials): void;
  /** Creates answered 200 with a job id (or processed under an `afterAccept` fault). */
  acceptedCreates(): number;
  /** Every request received, in arrival order (copies of the records). */
  requests(): RecordedRequest[];
  /** Highest number of requests that arrived within any 1000 ms span (optionally filtered). */
  maxRequestsPerSecond(filter?: (r: RecordedRequest) => boolean): number;
  /** Queue a fault (see {@link Fault}). */
  inject(fault: Fault): void;
  /** Drop all queued faults. */
  clearFaults(): void;
  /**
   * Forget groups, jobs, counters, recorded requests and faults (seed domains and credentials
   * stay). Requests still waiting (latency, stalled body, no-answer) are dropped: connection
   * destroyed, nothing performed.
   */
  reset(): void;
  /** Add an existing protection group (defaults: available, in the seed domain). */
  seedGroup(partial?: Partial<Group>): Group;
  /** Stop listening and destroy every open socket, hung ones included. */
  close(): Promise<void>;
}

/**
 * Start a simulator on 127.0.0.1.
 *
 * @example
 * const sim = await startSimulator({ jobStepMs: 50 });
 * sim.inject({ route: 'create', kind: 'no-answer', afterAccept: true });
 */
export async function startSimulator(options: SimulatorOptions = {}): Promise<SdrsSimulator> {
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  let credentials: SimulatorCredentials = { ...(options.credentials ?? DEFAULT_CREDENTIALS) };
  const state = new SimulatorState(options.jobStepMs);
  const faults = new FaultQueue();
  const limit = options.rateLimitPerSecond;
  const limiter = limit === undefined ? undefined : new GatewayThrottle(limit);
  let recorded: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  // Aborted (and replaced) by reset() and close(): pending delays end, their requests are dropped.
  let epoch = new AbortController();
  const open = new Set<ServerResponse>();
  const dropPending = (): void => {
    epoch.abort();
    epoch = new AbortController();
    for (const res of open) res.destroy();
    open.clear();
  };
  const sleep = async (ms: number): Promise<boolean> => {
    try {
      await delay(ms, undefined, { signal: epoch.signal });
      return true;
    } catch {
      return false;
    }
  };

  const server = createServer((req, res) => {
    const receivedAt = Date.now();
    const admitted = limiter ? limiter.admit(receivedAt) : true;
    const requestId = newRequestId();
    const method = req.method ?? 'GET';
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? '127.0.0.1'}`);
    const resolved = resolve(method, url.pathname);
    const record: RecordedRequest = {
      method,
      path: url.pathname,
      query: queryRecord(url.searchParams),
      headers: req.headers,
      body: '',
      receivedAt,
      route: resolved.route,
      requestId,
      accepted: false,
    };
    recorded.push(record);
    open.add(res);
    res.on('close', () => open.delete(res));
    res.on('error', () => {});
    const delivery: DeliveryContext = {
      requestId,
      sleep,
      onHead: (status) => {
        record.status = status;
      },
    };
    void (async () => {
      let body: Buffer;
      let tooLarge: boolean;
      try {
        ({ body, tooLarge } = await readBody(req));
      } catch {
        record.incomplete = true;
        return;
      }
      record.body = body.toString('utf8');
      if (!admitted) {
        record.fault = 'rate-limit';
        sendAnswer(res, throttleAnswer(requestId, 1, 'APIGW', limit), delivery);
        return;
      }
      if (tooLarge) {
        const tooBig = gatewayError('0201', 'Request body too large', 'APIGW', requestId);
        sendAnswer(res, jsonAnswer(413, tooBig, requestId), delivery);
        return;
      }
      const fault = faults.take(resolved.route);
      record.fault = fault?.kind;
      if (fault?.kind === 'latency' && !(await sleep(fault.ms))) return;
      const commit = fault === undefined || fault.kind === 'latency' || fault.afterAccept === true;
      const mustProcess = commit || fault?.kind === 'slow-body' || fault?.kind === 'reset-mid-body';
      let processed: ReturnType<typeof processRequest> | undefined;
      if (mustProcess && fault?.kind !== 'throttle') {
        processed = processRequest(
          {
            state,
            projectId,
            credentials,
            requestId,
            method,
            url,
            headers: req.headers,
            body,
            now: Date.now(),
          },
          resolved,
          commit,
        );
        record.accepted = processed.accepted;
        record.verifiedBy = processed.verifiedBy;
      }
      if (fault === undefined) {
        if (processed) sendAnswer(res, processed.answer, delivery);
        return;
      }
      await deliverFault(fault, res, processed?.answer, delivery);
    })();
  });
  // Long idle keep-alive: a client pool reusing a socket the server is just closing would see a
  // spurious ECONNRESET (fatal for a create, which must not be resent). close() destroys them.
  server.keepAliveTimeout = 60_000;
  server.headersTimeout = 65_000;
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    projectId,
    get credentials() {
      return credentials;
    },
    set credentials(value: SimulatorCredentials) {
      credentials = value;
    },
    setCredentials(value) {
      credentials = { ...value };
    },
    acceptedCreates: () => state.accepted,
    requests: () => recorded.map((r) => ({ ...r })),
    maxRequestsPerSecond: (filter) => maxPerSecond(recorded.filter(filter ?? (() => true))),
    inject: (fault) => faults.push(fault),
    clearFaults: () => faults.clear(),
    reset() {
      dropPending();
      state.reset();
      faults.clear();
      limiter?.reset();
      recorded = [];
    },
    seedGroup: (partial) => state.seedGroup(partial),
    close() {
      dropPending();
      return new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
