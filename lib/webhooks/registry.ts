import { CachedValue } from '../secrets/cached-value.js';
import { readWebhookSettings } from './config.js';
import type { WebhookSettings, WebhookSource } from './config-types.js';
import { WebhookSourceUnknownError } from './errors.js';
import { fileSecretsFetcher, secretsManagerSecretsFetcher } from './secrets.js';

/** The enabled sources and one secret cache per source, kept for the life of the container. */
export class WebhookRegistry {
  readonly settings: WebhookSettings;
  readonly #secrets = new Map<string, CachedValue<readonly string[]>>();

  constructor(settings: WebhookSettings) {
    this.settings = settings;
  }

  /** The enabled source with this name; `WebhookSourceUnknownError` (404) otherwise. */
  source(name: string): WebhookSource {
    const source = this.settings.sources.get(name);
    if (!source) throw new WebhookSourceUnknownError(name);
    return source;
  }

  /** The cached secrets of a source: the local file when configured, else Secrets Manager. */
  secrets(source: WebhookSource): CachedValue<readonly string[]> {
    let cache = this.#secrets.get(source.name);
    if (!cache) {
      const { secretsFile, secretMaxAgeMs } = this.settings;
      const fetch = secretsFile
        ? fileSecretsFetcher(secretsFile, source.name)
        : secretsManagerSecretsFetcher(source.secretId);
      cache = new CachedValue(fetch, secretMaxAgeMs);
      this.#secrets.set(source.name, cache);
    }
    return cache;
  }
}

let registry: WebhookRegistry | undefined;

/** The container's registry, read from the environment on first use (errors are not cached). */
export function webhookRegistry(): WebhookRegistry {
  registry ??= new WebhookRegistry(readWebhookSettings());
  return registry;
}

/** Forgets the registry so the next call reads the environment again (tests only). */
export function resetWebhookRegistry(): void {
  registry = undefined;
}
