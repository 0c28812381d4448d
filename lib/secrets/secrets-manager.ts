/** A secret could not be read from Secrets Manager; the message names the secret, never its value. */
export class SecretReadError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SecretReadError';
  }
}

type SecretStringReader = (secretId: string) => Promise<string | undefined>;
let reader: Promise<SecretStringReader> | undefined;

/**
 * Reads a secret's `SecretString` with the real AWS SDK client: one client per container,
 * imported on first use, so functions that never read Secrets Manager never load it.
 * `AWS_ENDPOINT_URL_SECRETS_MANAGER` points it at a local endpoint in tests. Throws
 * `SecretReadError` when the read fails or the secret has no string value.
 */
export async function readSecretString(secretId: string): Promise<string> {
  reader ??= import('@aws-sdk/client-secrets-manager').then(
    ({ SecretsManagerClient, GetSecretValueCommand }) => {
      // Bounded like the idempotency store's client: a hanging secret read must not eat the
      // function timeout. Worst case 2 × (1 s + 3 s) plus a backoff, well inside the call budget.
      const client = new SecretsManagerClient({
        maxAttempts: 2,
        requestHandler: { connectionTimeout: 1_000, requestTimeout: 3_000 },
      });
      return async (id: string) =>
        (await client.send(new GetSecretValueCommand({ SecretId: id }))).SecretString;
    },
  );
  let text: string | undefined;
  try {
    text = await (await reader)(secretId);
  } catch (error) {
    const name = error instanceof Error ? error.name : 'Error';
    throw new SecretReadError(`Cannot read secret ${secretId} from Secrets Manager (${name})`, {
      cause: error,
    });
  }
  if (text === undefined) throw new SecretReadError(`Secret ${secretId} has no SecretString`);
  return text;
}
