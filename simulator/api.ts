/** The simulator's public shapes: its options, its recorded requests and its handle. */
import type { IncomingHttpHeaders } from 'node:http';
import type { SimulatorCredentials } from './auth.js';
import type { Fault, RouteName } from './faults.js';
import type { Group } from './state.js';

/** Default access key of the simulator. */
export const DEFAULT_AK = 'SIMULATORAK000000001';
/** Default secret key of the simulator. */
export const DEFAULT_SK = 'SimulatorSecretKey0123456789abcdefghij';
/** Default credentials (permanent keys, no security token). */
export const DEFAULT_CREDENTIALS: Readonly<SimulatorCredentials> = Object.freeze({
  ak: DEFAULT_AK,
  sk: DEFAULT_SK,
});

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
  /**
   * Breaks the idempotency store for its next `times` calls: lets the control's
   * `idempotency-store` toggle reach a store the simulator does not own (`npm start` sets it).
   */
  idempotencyStoreOutage?: (times: number) => void;
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
