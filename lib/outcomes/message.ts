/**
 * The words a ticket gets, the same for every target: what happened, the ids a person needs,
 * and the next step. The last line is a marker with the job id: before posting again, a watcher
 * searches the ticket for it, so a post whose answer was lost is never repeated.
 */
import type { Outcome, OutcomeRecord } from './record-types.js';

/** Event types of the Standard Webhooks target, one per outcome kind. */
export const OUTCOME_EVENT_TYPES = {
  succeeded: 'protection_group.created',
  failed: 'protection_group.failed',
  unknown: 'protection_group.unknown',
} as const;

/** The text searched for before a repeat post: unique per job. */
export function outcomeMarker(jobId: string): string {
  return `[sdrs-bff outcome of SDRS job ${jobId}]`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}

/** The message as paragraphs (the marker last). */
export function outcomeParagraphs(record: OutcomeRecord, outcome: Outcome): string[] {
  const { name, jobId } = record;
  switch (outcome.kind) {
    case 'succeeded':
      return [
        `Protection group ${name} was created${outcome.protectionGroupId ? ` (id ${outcome.protectionGroupId})` : ''}.`,
        `SDRS job ${jobId} succeeded${outcome.durationSeconds !== undefined ? ` in ${duration(outcome.durationSeconds)}` : ''}.`,
        outcomeMarker(jobId),
      ];
    case 'failed': {
      const cause = [outcome.errorCode, outcome.failReason].filter(Boolean).join(': ');
      return [
        `Protection group ${name} could not be created: ${cause ? `SDRS error ${cause}` : 'SDRS gave no reason'}.`,
        `SDRS job ${jobId} failed.`,
        'Next step: fix the cause, then ask for the protection group again.',
        outcomeMarker(jobId),
      ];
    }
    case 'unknown':
      return [
        outcome.reason === 'job-not-found'
          ? `Protection group ${name}: SDRS says it knows no job ${jobId}, so its outcome is unknown.`
          : `Protection group ${name}: SDRS job ${jobId} had not ended after ${outcome.waitedMinutes} minutes, so its outcome is unknown.`,
        `Check it with GET /jobs/${jobId} on sdrs-bff, or in the Huawei Cloud console under Storage Disaster Recovery Service, Jobs. This ticket is not told again.`,
        outcomeMarker(jobId),
      ];
  }
}

/** The Standard Webhooks event body (`type`, `timestamp`, `data`). */
export function outcomeEvent(record: OutcomeRecord, outcome: Outcome, at: Date) {
  const { kind, ...details } = outcome;
  return {
    type: OUTCOME_EVENT_TYPES[kind],
    timestamp: at.toISOString(),
    data: {
      ticket: record.ticket ?? null,
      jobId: record.jobId,
      name: record.name,
      outcome: kind,
      ...details,
      message: outcomeParagraphs(record, outcome).slice(0, -1).join(' '),
    },
  };
}
