import { readFile } from 'node:fs/promises';
import { readSecretString } from '../secrets/secrets-manager.js';
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

/** Reads the credentials JSON from AWS Secrets Manager (`SDRS_SECRET_ID`) by a signed `GetSecretValue`. */
export function secretsManagerFetcher(secretId: string): CredentialsFetcher {
  return async (): Promise<SdrsCredentials> =>
    parseCredentialsSecret(await readSecretString(secretId), `Secrets Manager secret ${secretId}`);
}
