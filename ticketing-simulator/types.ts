/** The systems the ticketing simulator plays. */
export type TicketSystem = 'jira' | 'servicenow' | 'standard-webhooks';

/** The credentials it accepts (development values; `npm start` writes the same ones). */
export interface TicketingCredentials {
  readonly jira: { readonly email: string; readonly apiToken: string };
  /** Basic with username/password, or Bearer with the token. */
  readonly serviceNow: {
    readonly username: string;
    readonly password: string;
    readonly token: string;
  };
  /** `whsec_…` signing secret of the outcome events. */
  readonly standardWebhooks: { readonly secret: string };
}

/** One message a ticket received: a comment, a work note, or an event (deduplicated by id). */
export interface TicketMessage {
  readonly system: TicketSystem;
  /** Jira issue key, `<table>/<sys_id>`, or the event's `data.ticket`. */
  readonly ticket: string;
  /** Comment id, journal entry id, or `webhook-id`. */
  readonly id: string;
  /** The text as a person reads it (ADF paragraphs joined by newlines; the event's message). */
  readonly text: string;
  /** The Standard Webhooks event as received. */
  readonly event?: unknown;
  readonly receivedAt: number;
}

/** One request, whatever came of it. */
export interface TicketRequest {
  readonly system: TicketSystem | 'unknown';
  readonly method: string;
  readonly path: string;
  status?: number;
  fault?: TicketFault['kind'];
  /** Why it was refused (401/400), for test failure messages. */
  problem?: string;
}

/**
 * A fault for the next write requests (POST/PATCH) to `system` (`any`: every system). `status`
 * answers that status and stores nothing; `timeout-after-accept` stores the message, then holds
 * the answer for `ms` (default 60 s) so the client times out after the ticket system accepted.
 */
export type TicketFault =
  | {
      readonly system: TicketSystem | 'any';
      readonly kind: 'status';
      readonly status: number;
      readonly retryAfter?: string;
      readonly times?: number;
    }
  | {
      readonly system: TicketSystem | 'any';
      readonly kind: 'timeout-after-accept';
      readonly ms?: number;
      readonly times?: number;
    };
