/**
 * Injectable faults: what they are, the queue that hands them out, and how a faulty answer is
 * written to the wire.
 */
import type { ServerResponse } from 'node:http';
import {
  type Answer,
  type GatewayPrefix,
  gatewayError,
  htmlPage,
  jsonAnswer,
  throttleAnswer,
} from './envelopes.js';

/** Name of a simulator route (`unknown` = no route matched the path). */
export type RouteName = 'create' | 'job' | 'list' | 'show' | 'domains';

/** Route a fault applies to; `any` matches every request, including unknown paths. */
export type FaultRoute = RouteName | 'any';

/** The fault behaviours. See {@link Fault}. */
export type FaultKind =
  /** Wait `ms`, then behave normally (a create is accepted even if the client gave up). */
  | { kind: 'latency'; ms: number }
  /** Read the request, never answer (the socket stays open until the client or close() ends it). */
  | { kind: 'no-answer' }
  /** Read the request, then reset the connection without any answer. */
  | { kind: 'reset' }
  /** Send the status line + headers (full Content-Length) and part of the body, then reset. */
  | { kind: 'reset-mid-body'; status?: number }
  /** Send the status line + headers, stall `ms`, then send the body. */
  | { kind: 'slow-body'; ms: number; status?: number }
  /** An HTML error page with `status` (text/html). */
  | { kind: 'html'; status: number }
  /** 429 gateway `APIGW.0308` (or `APIG.0308`), `Retry-After` when given. Never acts. */
  | { kind: 'throttle'; retryAfter?: number; prefix?: GatewayPrefix }
  /**
   * Any raw answer. An object body is JSON-encoded; a string body is sent verbatim. Headers are
   * merged over `content-type: application/json;charset=UTF-8` and `x-request-id`; a `null`
   * value removes that header.
   */
  | {
      kind: 'answer';
      status: number;
      body: string | object;
      headers?: Record<string, string | null>;
    };

/**
 * A queued fault. It is used by the next `times` (default 1; `Infinity` allowed) requests of
 * `route`, in queue order.
 *
 * `afterAccept` (default false): first process the request for real (authentication, validation,
 * state change: a valid create is counted and gets a job, a job poll advances), THEN deliver the
 * fault — "the bytes reached the upstream and it acted". Without it the request has no effect
 * (a create is not counted). Ignored by `latency` (always acts) and `throttle` (never acts).
 */
export type Fault = { route: FaultRoute; times?: number; afterAccept?: boolean } & FaultKind;

/** FIFO of pending faults. */
export class FaultQueue {
  private items: { fault: Fault; left: number }[] = [];

  push(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!(times > 0)) throw new RangeError('fault.times must be > 0');
    this.items.push({ fault, left: times });
  }

  clear(): void {
    this.items = [];
  }

  /** Number of faults still queued. */
  get size(): number {
    return this.items.length;
  }

  /** The queued faults with the uses each has left, in queue order. */
  list(): (Fault & { left: number })[] {
    return this.items.map((item) => ({ ...item.fault, left: item.left }));
  }

  /** Take the first fault matching the route (consumes one use). */
  take(route: RouteName | 'unknown'): Fault | undefined {
    const index = this.items.findIndex((i) => i.fault.route === 'any' || i.fault.route === route);
    const item = this.items[index];
    if (!item) return undefined;
    item.left -= 1;
    if (item.left <= 0) this.items.splice(index, 1);
    return item.fault;
  }
}

/** Helpers the delivery needs from the server. */
export interface DeliveryContext {
  requestId: string;
  /** Abortable sleep: resolves false when the simulator is closing. */
  sleep(ms: number): Promise<boolean>;
  /** Called with the status once the status line is written. */
  onHead(status: number): void;
}

function withLength(answer: Answer): Record<string, string> {
  return { ...answer.headers, 'content-length': `${Buffer.byteLength(answer.body)}` };
}

/** Write an answer normally. */
export function sendAnswer(res: ServerResponse, answer: Answer, ctx: DeliveryContext): void {
  if (res.destroyed || res.headersSent) return;
  res.writeHead(answer.status, withLength(answer));
  ctx.onHead(answer.status);
  res.end(answer.body);
}

function resetSocket(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
  else socket.destroy();
}

/** Gateway 502 `APIGW.0201`: the gateway could not reach the backend (nothing was done). */
export function backendUnavailableAnswer(requestId: string): Answer {
  return jsonAnswer(
    502,
    gatewayError('0201', 'Backend unavailable', 'APIGW', requestId),
    requestId,
  );
}

/** Build the answer of an `answer` fault. */
export function rawAnswer(
  fault: Extract<FaultKind, { kind: 'answer' }>,
  requestId: string,
): Answer {
  const headers: Record<string, string> = {
    'content-type': 'application/json;charset=UTF-8',
    'x-request-id': requestId,
  };
  for (const [name, value] of Object.entries(fault.headers ?? {})) {
    if (value === null) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  const body = typeof fault.body === 'string' ? fault.body : JSON.stringify(fault.body);
  return { status: fault.status, headers, body };
}

/**
 * Deliver `fault` on `res`. `processed` is the answer of the real processing when the request
 * was processed (afterAccept, or a side-effect-free view), else undefined.
 */
export async function deliverFault(
  fault: Fault,
  res: ServerResponse,
  processed: Answer | undefined,
  ctx: DeliveryContext,
): Promise<void> {
  switch (fault.kind) {
    case 'latency':
      if (processed) sendAnswer(res, processed, ctx);
      return;
    case 'no-answer':
      return;
    case 'reset':
      resetSocket(res);
      return;
    case 'html':
      sendAnswer(
        res,
        {
          status: fault.status,
          headers: { 'content-type': 'text/html', 'x-request-id': ctx.requestId },
          body: htmlPage(fault.status),
        },
        ctx,
      );
      return;
    case 'throttle':
      sendAnswer(res, throttleAnswer(ctx.requestId, fault.retryAfter, fault.prefix), ctx);
      return;
    case 'answer':
      sendAnswer(res, rawAnswer(fault, ctx.requestId), ctx);
      return;
    case 'reset-mid-body': {
      const answer = processed ?? backendUnavailableAnswer(ctx.requestId);
      const bytes = Buffer.from(answer.body.length >= 2 ? answer.body : '{"error":{}}');
      const status = fault.status ?? answer.status;
      res.writeHead(status, { ...answer.headers, 'content-length': `${bytes.length}` });
      ctx.onHead(status);
      res.write(bytes.subarray(0, Math.max(1, Math.floor(bytes.length / 2))), () => {
        setTimeout(() => resetSocket(res), 10);
      });
      return;
    }
    case 'slow-body': {
      const answer = processed ?? backendUnavailableAnswer(ctx.requestId);
      const status = fault.status ?? answer.status;
      res.writeHead(status, withLength(answer));
      ctx.onHead(status);
      res.flushHeaders();
      if (!(await ctx.sleep(fault.ms)) || res.destroyed) return;
      res.end(answer.body);
      return;
    }
  }
}
