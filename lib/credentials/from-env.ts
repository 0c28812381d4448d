import { type Env, readSecretConfig } from '../config.js';
import { CachedCredentialsProvider, type CredentialsProvider } from './provider.js';
import { fileSecretFetcher, secretsManagerFetcher } from './sources.js';

/** Builds the credentials provider the environment names (Secrets Manager, else the local file). */
export function credentialsFromEnv(env: Env = process.env): CredentialsProvider {
  const secret = readSecretConfig(env);
  const fetcher = secret.secretId
    ? secretsManagerFetcher(secret.secretId)
    : fileSecretFetcher(secret.secretFile as string);
  return new CachedCredentialsProvider(fetcher, secret.maxAgeMs);
}
