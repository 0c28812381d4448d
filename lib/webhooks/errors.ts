import { type FieldProblem, ProblemError } from '../problems/errors.js';

/** No enabled source has this name (404: the sender's URL is wrong; it must not retry). */
export class WebhookSourceUnknownError extends ProblemError {
  constructor(source: string) {
    super('WEBHOOK_SOURCE_UNKNOWN', `Unknown webhook source "${source}"`, {
      detail: 'No enabled webhook source has this name.',
    });
    this.name = 'WebhookSourceUnknownError';
  }
}

/** Why a delivery failed authentication; logged, and told to the sender in coarse words. */
export type AuthenticationFailure =
  | 'missing-headers'
  | 'malformed-signature'
  | 'stale-timestamp'
  | 'no-matching-signature';

const DETAILS: Record<AuthenticationFailure, string> = {
  'missing-headers': 'The delivery lacks the signature or token headers this source requires.',
  'malformed-signature': 'The signature or timestamp header is not in the expected format.',
  'stale-timestamp':
    'The delivery timestamp is outside the accepted tolerance (replay or clock skew).',
  'no-matching-signature': 'No signature or token matches a secret of this source.',
};

/**
 * The delivery is not authenticated: 401, answered before any parsing and before any upstream
 * call. Senders treat 401 as permanent, so a forged delivery is not retried.
 */
export class WebhookAuthenticationError extends ProblemError {
  readonly reason: AuthenticationFailure;

  constructor(reason: AuthenticationFailure) {
    super('UNAUTHENTICATED', `Webhook authentication failed: ${reason}`, {
      detail: DETAILS[reason],
    });
    this.name = 'WebhookAuthenticationError';
    this.reason = reason;
  }
}

/** The authenticated payload does not map to a valid create body (422 with pointers). */
export class WebhookPayloadError extends ProblemError {
  constructor(detail: string, errors: readonly FieldProblem[] = []) {
    super('WEBHOOK_PAYLOAD_UNMAPPABLE', detail, {
      detail,
      ...(errors.length > 0 && { errors }),
    });
    this.name = 'WebhookPayloadError';
  }
}
