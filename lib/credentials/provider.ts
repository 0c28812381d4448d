import type { SdrsCredentials } from './credentials.js';

/** Where the upstream credentials come from. */
export interface CredentialsProvider {
  /** The cached credentials, fetched when older than the bounded age. */
  get(): Promise<SdrsCredentials>;
  /** Fetches again now: called once when the upstream says the signature or token went stale. */
  refresh(): Promise<SdrsCredentials>;
}

export type CredentialsFetcher = () => Promise<SdrsCredentials>;

/**
 * Caches fetched credentials for at most `maxAgeMs` and shares one fetch between concurrent
 * callers (single flight). Our own ~30 lines rather than a caching library: one cache serves both
 * sources (Secrets Manager and the local file), and reconcile's concurrent calls must not stampede
 * the secret store after a rotation.
 */
export class CachedCredentialsProvider implements CredentialsProvider {
  readonly #fetch: CredentialsFetcher;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  #value: SdrsCredentials | undefined;
  #fetchedAt = 0;
  #inFlight: Promise<SdrsCredentials> | undefined;

  constructor(fetch: CredentialsFetcher, maxAgeMs: number, now: () => number = Date.now) {
    this.#fetch = fetch;
    this.#maxAgeMs = maxAgeMs;
    this.#now = now;
  }

  async get(): Promise<SdrsCredentials> {
    if (this.#value && this.#now() - this.#fetchedAt < this.#maxAgeMs) return this.#value;
    return this.refresh();
  }

  refresh(): Promise<SdrsCredentials> {
    this.#inFlight ??= this.#fetch()
      .then((value) => {
        this.#value = value;
        this.#fetchedAt = this.#now();
        return value;
      })
      .finally(() => {
        this.#inFlight = undefined;
      });
    return this.#inFlight;
  }
}
