/**
 * One request to a ticket system, through the service's node-fetch transport (keep-alive, one
 * whole-call timeout, bounded reads), and the one error every failure becomes.
 */
import { UpstreamError } from '../../problems/errors.js';
import { sendRequest } from '../../upstream/transport.js';

/** Ticket-system answers that are read (a comment list, a record): enough for hundreds of notes. */
const MAX_TICKET_ANSWER_BYTES = 1024 * 1024;
/** Statuses that say "try later": the ticket system may well take it then. */
const RETRYABLE_STATUSES = new Set([408, 425, 429, 500, 502, 503, 504]);

/**
 * A ticket system did not take the request. `retryable` failures (408, 425, 429, 500, 502–504,
 * unreachable, timed out) are tried again later; the others (401/403/404 and other 4xx) need a person.
 */
export class TicketCallError extends Error {
  readonly retryable: boolean;
  readonly status: number | undefined;
  /** The ticket system's `Retry-After`, in milliseconds. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    details: { retryable: boolean; status?: number; retryAfterMs?: number },
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'TicketCallError';
    this.retryable = details.retryable;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }
}

/** `Retry-After` as seconds or an HTTP date, in milliseconds from `now`. */
export function retryAfterMs(
  value: string | undefined,
  now: number = Date.now(),
): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export interface TicketRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs: number;
  /** What the request does, for messages: "comment on DR-42". */
  readonly what: string;
}

/** Sends the request; answers 2xx with the body text, throws `TicketCallError` otherwise. */
export async function callTicketSystem(request: TicketRequest): Promise<string> {
  let answer: Awaited<ReturnType<typeof sendRequest>>;
  try {
    answer = await sendRequest(
      {
        method: request.method,
        url: request.url,
        headers: { accept: 'application/json', ...request.headers },
        ...(request.body !== undefined && { body: request.body }),
      },
      { timeoutMs: request.timeoutMs, maxAnswerBytes: MAX_TICKET_ANSWER_BYTES },
    );
  } catch (error) {
    const timedOut = error instanceof UpstreamError && error.kind === 'timeout';
    throw new TicketCallError(
      `${request.what}: ${timedOut ? 'no answer within the timeout' : 'the ticket system is unreachable'}`,
      { retryable: true },
      { cause: error },
    );
  }
  if (answer.status >= 200 && answer.status < 300) return answer.body.toString('utf8');
  const wait = retryAfterMs(answer.retryAfter);
  throw new TicketCallError(`${request.what}: the ticket system answered ${answer.status}`, {
    retryable: RETRYABLE_STATUSES.has(answer.status),
    status: answer.status,
    ...(wait !== undefined && { retryAfterMs: wait }),
  });
}
