/**
 * Webhook secrets: `{"secrets": ["current", "previous", …]}` per source (several for rotation),
 * from Secrets Manager or, locally, from one file keyed by source name. Never logged.
 */
import { readFile } from 'node:fs/promises';

/** A webhook secret could not be read or does not have the documented shape. */
export class WebhookSecretError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WebhookSecretError';
  }
}

/**
 * Caches one fetched value for at most `maxAgeMs` and shares one fetch between concurrent
 * callers (single flight) — the same policy as the SDRS credentials cache, for any value.
 */
export class CachedSecret<T> {
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

/** Reads `{"secrets": [non-empty strings]}`; messages never quote the content. */
export function parseWebhookSecrets(value: unknown, origin: string): readonly string[] {
  const secrets = (value as { secrets?: unknown } | null)?.secrets;
  if (
    !Array.isArray(secrets) ||
    secrets.length === 0 ||
    !secrets.every((s) => typeof s === 'string' && s.trim() !== '')
  ) {
    throw new WebhookSecretError(`${origin} needs {"secrets": [one or more non-empty strings]}`);
  }
  return secrets.map((s: string) => s.trim());
}

function parseJson(text: string, origin: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new WebhookSecretError(`${origin} is not JSON`);
  }
}

/** Secrets of `source` from the local file `{"<source>": {"secrets": [...]}, …}`. */
export function fileSecretsFetcher(path: string, source: string): () => Promise<readonly string[]> {
  return async () => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new WebhookSecretError(`Cannot read the webhook secrets file ${path}`, {
        cause: error,
      });
    }
    const all = parseJson(text, `The webhook secrets file ${path}`) as Record<string, unknown>;
    return parseWebhookSecrets(all?.[source], `Entry "${source}" of ${path}`);
  };
}

type SecretStringReader = (secretId: string) => Promise<string | undefined>;
let secretsManager: Promise<SecretStringReader> | undefined;

/** One Secrets Manager client per container, imported on first use. */
function secretsManagerReader(): Promise<SecretStringReader> {
  secretsManager ??= import('@aws-sdk/client-secrets-manager').then(
    ({ SecretsManagerClient, GetSecretValueCommand }) => {
      const client = new SecretsManagerClient({});
      return async (secretId: string) =>
        (await client.send(new GetSecretValueCommand({ SecretId: secretId }))).SecretString;
    },
  );
  return secretsManager;
}

/** Secrets from the Secrets Manager secret `secretId` (`AWS_ENDPOINT_URL_SECRETS_MANAGER` works). */
export function secretsManagerSecretsFetcher(secretId: string): () => Promise<readonly string[]> {
  return async () => {
    let text: string | undefined;
    try {
      text = await (await secretsManagerReader())(secretId);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      throw new WebhookSecretError(`Cannot read secret ${secretId} (${name})`, { cause: error });
    }
    if (text === undefined) throw new WebhookSecretError(`Secret ${secretId} has no SecretString`);
    return parseWebhookSecrets(parseJson(text, `Secret ${secretId}`), `Secret ${secretId}`);
  };
}
