/**
 * Caches one fetched value for at most `maxAgeMs` and shares one fetch between concurrent
 * callers (single flight). Our own ~40 lines rather than a caching library: the SDRS credentials
 * and the webhook secrets need exactly this, and reconcile's concurrent calls must not stampede
 * the secret store after a rotation.
 */
export class CachedValue<T> {
  readonly #fetch: () => Promise<T>;
  readonly #maxAgeMs: number;
  readonly #now: () => number;
  #value: T | undefined;
  #fetchedAt = 0;
  #inFlight: Promise<T> | undefined;

  constructor(fetch: () => Promise<T>, maxAgeMs: number, now: () => number = Date.now) {
    this.#fetch = fetch;
    this.#maxAgeMs = maxAgeMs;
    this.#now = now;
  }

  /** The cached value, fetched when missing or older than the bounded age. */
  async get(): Promise<T> {
    if (this.#value !== undefined && this.#now() - this.#fetchedAt < this.#maxAgeMs) {
      return this.#value;
    }
    return this.refresh();
  }

  /** Fetches again now (joining a fetch already under way). */
  refresh(): Promise<T> {
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

  /**
   * Fetches again only when the cached value is at least `minAgeMs` old, so failed deliveries can
   * pick up a rotated secret without letting forged ones hammer the secret store.
   */
  async refreshIfOlderThan(minAgeMs: number): Promise<T | undefined> {
    if (this.#value !== undefined && this.#now() - this.#fetchedAt < minAgeMs) return undefined;
    return this.refresh();
  }
}
