import type { CreateProtectionGroupRequest } from '../../schemas/index.js';
import type { NotifyTarget } from '../outcomes/notify-config.js';

/** A field of the front end's create body that a source maps from its payload. */
export type CreateField = keyof CreateProtectionGroupRequest;

/** Standard Webhooks: `webhook-id`/`webhook-timestamp`/`webhook-signature`, `whsec_` secrets. */
export interface StandardWebhooksAuth {
  readonly scheme: 'standard-webhooks';
}

/**
 * A timestamp inside the signed body, for hub-signature senders that sign no header: deliveries
 * older (or newer) than `toleranceSeconds` are refused as replays.
 */
export interface SignedTimestamp {
  /** JMESPath into the payload, e.g. Jira's `timestamp` (epoch milliseconds). */
  readonly expression: string;
  readonly unit: 's' | 'ms';
  readonly toleranceSeconds: number;
}

/** `X-Hub-Signature: sha256=<hex HMAC-SHA256(secret, raw body)>` (Jira Cloud, GitHub-style). */
export interface HubSignatureAuth {
  readonly scheme: 'hub-signature';
  /** Lower-case header name: `x-hub-signature` (Jira Cloud) or `x-hub-signature-256` (GitHub). */
  readonly header: string;
  readonly timestamp?: SignedTimestamp;
}

/** A shared secret in a header, for senders that cannot sign (Jira Automation, ServiceNow). */
export interface SharedTokenAuth {
  readonly scheme: 'shared-token';
  /** Lower-case header name, e.g. `x-webhook-token` or `authorization`. */
  readonly header: string;
  /** Text before the token in the header value, e.g. `Bearer `; empty by default. */
  readonly prefix: string;
}

export type WebhookAuth = StandardWebhooksAuth | HubSignatureAuth | SharedTokenAuth;

/** Where the delivery id (the deduplication key) comes from. */
export type DeliveryIdSpec =
  | { readonly header: string }
  /** JMESPath into the payload; its result must be a non-empty string or a number. */
  | { readonly expression: string };

/** One configured sender, after parsing and defaulting (see docs/webhooks.md). */
export interface WebhookSource {
  readonly name: string;
  readonly description: string | undefined;
  readonly auth: WebhookAuth;
  /** Secrets Manager id of `{"secrets": [...]}` (unused when WEBHOOK_SECRETS_FILE is set). */
  readonly secretId: string;
  readonly deliveryId: DeliveryIdSpec;
  /** JMESPath of the ticket reference kept for logs and the answer (e.g. `issue.key`). */
  readonly ticket: string | undefined;
  /** JMESPath; when set and falsy for a payload, the delivery is acknowledged and ignored. */
  readonly when: string | undefined;
  /** Create-body field → JMESPath into the payload. */
  readonly mapping: Readonly<Partial<Record<CreateField, string>>>;
  /** Status for a duplicate whose first delivery is still running: 409 (Jira retries it) or 503. */
  readonly inProgressStatus: 409 | 503;
  /** Where the outcome of a job this source started is told; none: the ticket is not told. */
  readonly notify: NotifyTarget | undefined;
}

/** The service-wide webhook settings read from the environment. */
export interface WebhookSettings {
  /** Enabled sources by name; every other name answers 404. */
  readonly sources: ReadonlyMap<string, WebhookSource>;
  /** Local secrets file (`{"<source>": {"secrets": [...]}}`); replaces Secrets Manager when set. */
  readonly secretsFile: string | undefined;
  readonly secretMaxAgeMs: number;
  /** How long a duplicate waits for the first delivery of the same id to finish. */
  readonly inProgressWaitMs: number;
}
