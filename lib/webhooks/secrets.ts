/**
 * Webhook secrets: `{"secrets": ["current", "previous", …]}` per source (several for rotation),
 * from Secrets Manager or, locally, from one file keyed by source name. Never logged.
 */
import { readFile } from 'node:fs/promises';
import { readSecretString } from '../secrets/secrets-manager.js';

/** A webhook secret could not be read or does not have the documented shape. */
export class WebhookSecretError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'WebhookSecretError';
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

/**
 * The whole entry of `source` in the local file `{"<source>": {...}, …}`: the webhook secrets and,
 * for sources that are told outcomes, the ticket system's credentials (`notify`).
 */
export function fileEntryFetcher(path: string, source: string): () => Promise<unknown> {
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
    return all?.[source];
  };
}

/** The whole secret `secretId` as JSON (`AWS_ENDPOINT_URL_SECRETS_MANAGER` works). */
export function secretsManagerEntryFetcher(secretId: string): () => Promise<unknown> {
  return async () => parseJson(await readSecretString(secretId), `Secret ${secretId}`);
}

/** Secrets of `source` from the local file `{"<source>": {"secrets": [...]}, …}`. */
export function fileSecretsFetcher(path: string, source: string): () => Promise<readonly string[]> {
  const entry = fileEntryFetcher(path, source);
  return async () => parseWebhookSecrets(await entry(), `Entry "${source}" of ${path}`);
}

/** Secrets from the Secrets Manager secret `secretId` (`AWS_ENDPOINT_URL_SECRETS_MANAGER` works). */
export function secretsManagerSecretsFetcher(secretId: string): () => Promise<readonly string[]> {
  const entry = secretsManagerEntryFetcher(secretId);
  return async () => parseWebhookSecrets(await entry(), `Secret ${secretId}`);
}
