import { readFile } from 'node:fs/promises';
import { CredentialsError, parseCredentialsSecret, type SdrsCredentials } from './credentials.js';
import type { CredentialsFetcher } from './provider.js';

/** Reads the credentials JSON from a local file (`SDRS_SECRET_FILE`). */
export function fileSecretFetcher(path: string): CredentialsFetcher {
  return async (): Promise<SdrsCredentials> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      throw new CredentialsError(`Cannot read the credentials file ${path}`, { cause: error });
    }
    return parseCredentialsSecret(text, `file ${path}`);
  };
}

/**
 * Reads the credentials JSON from AWS Secrets Manager (`SDRS_SECRET_ID`) with the real SDK client.
 * The client module is imported on first use, so functions configured with a local file never
 * load it; `AWS_ENDPOINT_URL_SECRETS_MANAGER` points it at a local endpoint in tests.
 */
export function secretsManagerFetcher(secretId: string): CredentialsFetcher {
  let client: Promise<{ send: (id: string) => Promise<string | undefined> }> | undefined;
  const getClient = () => {
    client ??= import('@aws-sdk/client-secrets-manager').then(
      ({ SecretsManagerClient, GetSecretValueCommand }) => {
        const sdk = new SecretsManagerClient({});
        return {
          send: async (id: string) =>
            (await sdk.send(new GetSecretValueCommand({ SecretId: id }))).SecretString,
        };
      },
    );
    return client;
  };
  return async (): Promise<SdrsCredentials> => {
    let text: string | undefined;
    try {
      text = await (await getClient()).send(secretId);
    } catch (error) {
      const name = error instanceof Error ? error.name : 'Error';
      throw new CredentialsError(`Cannot read secret ${secretId} from Secrets Manager (${name})`, {
        cause: error,
      });
    }
    if (text === undefined) {
      throw new CredentialsError(`Secret ${secretId} has no SecretString`);
    }
    return parseCredentialsSecret(text, `Secrets Manager secret ${secretId}`);
  };
}
