type SecretStringReader = (secretId: string) => Promise<string | undefined>;
let reader: Promise<SecretStringReader> | undefined;

/**
 * Reads a secret's `SecretString` with the real AWS SDK client: one client per container,
 * imported on first use, so functions that never read Secrets Manager never load it.
 * `AWS_ENDPOINT_URL_SECRETS_MANAGER` points it at a local endpoint in tests. SDK errors propagate.
 */
export async function getSecretString(secretId: string): Promise<string | undefined> {
  reader ??= import('@aws-sdk/client-secrets-manager').then(
    ({ SecretsManagerClient, GetSecretValueCommand }) => {
      const client = new SecretsManagerClient({});
      return async (id: string) =>
        (await client.send(new GetSecretValueCommand({ SecretId: id }))).SecretString;
    },
  );
  return (await reader)(secretId);
}
