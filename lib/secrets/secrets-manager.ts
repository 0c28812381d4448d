import { AwsJsonClient, SECRETS_MANAGER } from '../aws/json-client.js';

/** A secret could not be read from Secrets Manager; the message names the secret, never its value. */
export class SecretReadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SecretReadError';
  }
}

let client: AwsJsonClient | undefined;

/**
 * Reads a secret's `SecretString` with a direct `GetSecretValue` call (one client per container,
 * no AWS SDK: lib/aws signs it). Always the secret store's current value, never a cache's: after a
 * rotation the caller's refresh gets the new key. `AWS_ENDPOINT_URL_SECRETS_MANAGER` points it at
 * a local endpoint in tests. Throws `SecretReadError` when the read fails or the secret has no
 * string value; the error names the secret and the failure, never the value.
 */
export async function readSecretString(secretId: string): Promise<string> {
  // Bounded like the idempotency store's client: a hanging secret read must not eat the
  // function timeout. Worst case 2 × (1 s + 3 s) plus a short pause, well inside the call budget.
  client ??= new AwsJsonClient(SECRETS_MANAGER, {
    maxAttempts: 2,
    connectTimeoutMs: 1_000,
    requestTimeoutMs: 3_000,
  });
  let text: string | undefined;
  try {
    const answer = await client.call<{ SecretString?: unknown }>('GetSecretValue', {
      SecretId: secretId,
    });
    if (typeof answer.SecretString === 'string') text = answer.SecretString;
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    throw new SecretReadError(`Cannot read secret ${secretId} from Secrets Manager (${name})`, {
      cause: error,
    });
  }
  if (text === undefined) throw new SecretReadError(`Secret ${secretId} has no SecretString`);
  return text;
}
