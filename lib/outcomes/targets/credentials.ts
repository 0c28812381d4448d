/**
 * The ticket system's credentials, from the `notify` member of the source's secret (the same
 * secret as its webhook secrets). Turned into an `Authorization` value at once and never logged.
 */
import type { NotifyTarget } from '../notify-config.js';

/** The source's secret has no usable `notify` credentials: a person must add them. */
export class NotifyCredentialsError extends Error {
  constructor(source: string, expected: string) {
    super(`The secret of source "${source}" needs "notify": ${expected}`);
    this.name = 'NotifyCredentialsError';
  }
}

function field(value: Record<string, unknown>, key: string): string | undefined {
  const text = value[key];
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined;
}

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** What a target authenticates with: an `Authorization` header value, or a signing secret. */
export type NotifyAuth = { readonly authorization: string } | { readonly signingSecret: string };

/**
 * Reads the credentials for `notify` from the secret entry: Jira `{email, apiToken}`;
 * ServiceNow `{username, password}` (Basic) or `{token}` (Bearer); Standard Webhooks `{secret}`
 * (`whsec_…`). Messages never quote a value.
 */
export function notifyAuth(source: string, notify: NotifyTarget, entry: unknown): NotifyAuth {
  const raw = (entry as { notify?: unknown } | null | undefined)?.notify;
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  switch (notify.target) {
    case 'jira': {
      const email = field(value, 'email');
      const token = field(value, 'apiToken');
      if (!email || !token) throw new NotifyCredentialsError(source, '{"email", "apiToken"}');
      return { authorization: basic(email, token) };
    }
    case 'servicenow': {
      const token = field(value, 'token');
      if (token) return { authorization: `Bearer ${token}` };
      const user = field(value, 'username');
      const password = field(value, 'password');
      if (!user || !password) {
        throw new NotifyCredentialsError(source, '{"username", "password"} or {"token"}');
      }
      return { authorization: basic(user, password) };
    }
    case 'standard-webhooks': {
      const secret = field(value, 'secret');
      if (!secret) throw new NotifyCredentialsError(source, '{"secret": "whsec_…"}');
      return { signingSecret: secret };
    }
  }
}
