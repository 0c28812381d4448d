/**
 * The three targets. Each can say whether the ticket already carries this job's outcome (so a
 * post whose answer was lost is not repeated) and tell it. Plain node-fetch (the service's
 * transport) rather than a Jira client library such as jira.js: one endpoint per system, one
 * small ADF builder, no extra bundle weight or second HTTP stack (docs/ticket-outcomes.md).
 */
import { Webhook } from 'standardwebhooks';
import { outcomeEvent, outcomeMarker, outcomeParagraphs } from '../message.js';
import type { NotifyTarget } from '../notify-config.js';
import type { Outcome, OutcomeRecord } from '../record-types.js';
import { callTicketSystem } from './call.js';
import type { NotifyAuth } from './credentials.js';

export interface TicketTarget {
  /** True when the ticket already holds this job's outcome (its marker). */
  alreadyTold(record: OutcomeRecord): Promise<boolean>;
  /** Tells the ticket; throws `TicketCallError` when the ticket system did not take it. */
  tell(record: OutcomeRecord, outcome: Outcome, at: Date): Promise<void>;
}

/** Atlassian Document Format: one paragraph of plain text per line. */
export function adfDocument(paragraphs: readonly string[]) {
  return {
    version: 1,
    type: 'doc',
    content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
  };
}

/** The `webhook-id` of a job's outcome event: stable, so the receiver drops a repeat. */
export const outcomeEventId = (jobId: string) => `outcome_${jobId}`;

function authorization(auth: NotifyAuth): string {
  if (!('authorization' in auth)) throw new TypeError('this target needs an Authorization value');
  return auth.authorization;
}

/** The target a source's `notify` block describes, with its credentials. */
export function ticketTarget(
  notify: NotifyTarget,
  auth: NotifyAuth,
  timeoutMs: number,
): TicketTarget {
  switch (notify.target) {
    case 'jira': {
      const headers = { authorization: authorization(auth), 'content-type': 'application/json' };
      const comments = (key: string) =>
        new URL(`${notify.baseUrl}/rest/api/3/issue/${encodeURIComponent(key)}/comment`);
      return {
        async alreadyTold(record) {
          const url = comments(record.reference);
          url.search = 'orderBy=-created&maxResults=100';
          const what = `reading the comments of ${record.reference}`;
          const text = await callTicketSystem({ method: 'GET', url, headers, timeoutMs, what });
          return text.includes(outcomeMarker(record.jobId));
        },
        async tell(record, outcome) {
          const body = JSON.stringify({ body: adfDocument(outcomeParagraphs(record, outcome)) });
          const what = `commenting on ${record.reference}`;
          const url = comments(record.reference);
          await callTicketSystem({ method: 'POST', url, headers, body, timeoutMs, what });
        },
      };
    }
    case 'servicenow': {
      const headers = { authorization: authorization(auth), 'content-type': 'application/json' };
      const recordUrl = (sysId: string) =>
        new URL(`${notify.baseUrl}/api/now/table/${notify.table}/${encodeURIComponent(sysId)}`);
      return {
        async alreadyTold(record) {
          // The display value of a journal field is every entry so far, newest first.
          const url = recordUrl(record.reference);
          url.search = 'sysparm_fields=work_notes&sysparm_display_value=true';
          const what = `reading the work notes of ${notify.table} ${record.reference}`;
          const text = await callTicketSystem({ method: 'GET', url, headers, timeoutMs, what });
          return text.includes(outcomeMarker(record.jobId));
        },
        async tell(record, outcome) {
          const body = JSON.stringify({
            work_notes: outcomeParagraphs(record, outcome).join('\n\n'),
          });
          const what = `adding a work note to ${notify.table} ${record.reference}`;
          const url = recordUrl(record.reference);
          await callTicketSystem({ method: 'PATCH', url, headers, body, timeoutMs, what });
        },
      };
    }
    case 'standard-webhooks': {
      if (!('signingSecret' in auth)) throw new TypeError('this target needs a signing secret');
      const signer = new Webhook(auth.signingSecret);
      return {
        // The receiver deduplicates by `webhook-id` (the Standard Webhooks contract).
        alreadyTold: async () => false,
        async tell(record, outcome, at) {
          const body = JSON.stringify(outcomeEvent(record, outcome, at));
          const id = outcomeEventId(record.jobId);
          const headers = {
            'content-type': 'application/json',
            'webhook-id': id,
            'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
            'webhook-signature': signer.sign(id, at, body),
          };
          const url = new URL(notify.baseUrl);
          const what = `sending ${id} to the callback URL`;
          await callTicketSystem({ method: 'POST', url, headers, body, timeoutMs, what });
        },
      };
    }
  }
}
