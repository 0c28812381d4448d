import { CachedValue } from '../../secrets/cached-value.js';
import type { WebhookSettings, WebhookSource } from '../../webhooks/config-types.js';
import { fileEntryFetcher, secretsManagerEntryFetcher } from '../../webhooks/secrets.js';
import { notifyAuth } from './credentials.js';
import { type TicketTarget, ticketTarget } from './index.js';

/** A record names a source that is not enabled or has no `notify` block (any more). */
export class NotifySourceError extends Error {
  constructor(source: string) {
    super(`Source "${source}" is not enabled or has no "notify" block`);
    this.name = 'NotifySourceError';
  }
}

/**
 * The enabled sources' targets, each with its credentials read from the source's secret (the
 * local secrets file under `npm start`) and cached for `WEBHOOK_SECRET_MAX_AGE_SECONDS`.
 */
export class TicketTargets {
  readonly #settings: WebhookSettings;
  readonly #timeoutMs: number;
  readonly #entries = new Map<string, CachedValue<unknown>>();

  constructor(settings: WebhookSettings, timeoutMs: number) {
    this.#settings = settings;
    this.#timeoutMs = timeoutMs;
  }

  /** The source's target; `NotifySourceError` or `NotifyCredentialsError` when it cannot be told. */
  async forSource(name: string): Promise<TicketTarget> {
    const source = this.#settings.sources.get(name);
    if (!source?.notify) throw new NotifySourceError(name);
    const entry = await this.#entry(source).get();
    return ticketTarget(source.notify, notifyAuth(name, source.notify, entry), this.#timeoutMs);
  }

  #entry(source: WebhookSource): CachedValue<unknown> {
    let cache = this.#entries.get(source.name);
    if (!cache) {
      const { secretsFile, secretMaxAgeMs } = this.#settings;
      const fetch = secretsFile
        ? fileEntryFetcher(secretsFile, source.name)
        : secretsManagerEntryFetcher(source.secretId);
      cache = new CachedValue(fetch, secretMaxAgeMs);
      this.#entries.set(source.name, cache);
    }
    return cache;
  }
}
