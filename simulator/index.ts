/**
 * SDRS simulator: a real HTTP server on loopback that behaves like the Huawei Cloud SDRS API (and
 * the API gateway in front of it) for every call the BFF makes. See simulator/README.md.
 *
 * @example
 * const sim = await startSimulator();
 * // point the client at sim.url, sign with sim.credentials, project sim.projectId
 * await sim.close();
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as delay } from 'node:timers/promises';
import {
  DEFAULT_CREDENTIALS,
  type RecordedRequest,
  type SdrsSimulator,
  type SimulatorOptions,
} from './api.js';
import type { SimulatorCredentials } from './auth.js';
import { CONTROL_PATH, handleControl } from './control.js';
import { gatewayError, jsonAnswer, newRequestId, throttleAnswer } from './envelopes.js';
import { type DeliveryContext, deliverFault, FaultQueue, sendAnswer } from './faults.js';
import { MAX_BODY_BYTES, queryRecord, readBody } from './http.js';
import { GatewayThrottle, maxPerSecond } from './rate.js';
import { processRequest, resolve } from './routes.js';
import { DEFAULT_PROJECT_ID, SimulatorState } from './state.js';

export {
  DEFAULT_AK,
  DEFAULT_CREDENTIALS,
  DEFAULT_SK,
  type RecordedRequest,
  type SdrsSimulator,
  type SimulatorOptions,
} from './api.js';
export type { SimulatorCredentials } from './auth.js';
export { CLOCK_WINDOW_MS, SIGNATURE_FAIL_MSG } from './auth.js';
export { CONTROL_PATH, TOGGLES, type ToggleName } from './control.js';
export {
  type Answer,
  type GatewayPrefix,
  gatewayError,
  keystoneError,
  NULL_JOB,
  PERMISSION_ERRORS,
  type PermissionCode,
  permissionError,
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
export { MAX_BODY_BYTES };

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

  const control = {
    faults,
    state,
    ...(options.idempotencyStoreOutage && {
      idempotencyStoreOutage: options.idempotencyStoreOutage,
    }),
  };

  const server = createServer((req, res) => {
    // The fault toggles (simulator/control.ts): not an SDRS call, so neither recorded nor faulted.
    if (req.url?.startsWith(`${CONTROL_PATH.split('/', 2).join('/')}/`)) {
      handleControl(req, res, control).catch(() => res.destroy());
      return;
    }
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
