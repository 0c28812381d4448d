/**
 * `npm start` only: enables the example webhook sources with the development secrets in
 * `local-secrets.json`, unless the environment already says otherwise.
 */
import { fileURLToPath } from 'node:url';

/** Path of the development-only secrets of the example sources. */
export const LOCAL_WEBHOOK_SECRETS_FILE = fileURLToPath(
  new URL('./local-secrets.json', import.meta.url),
);

/** Sets `WEBHOOK_SECRETS_FILE` and `WEBHOOK_ENABLED_SOURCES=*` in `env` where they are unset. */
export function enableExampleWebhooks(env: NodeJS.ProcessEnv): void {
  env.WEBHOOK_SECRETS_FILE ??= LOCAL_WEBHOOK_SECRETS_FILE;
  env.WEBHOOK_ENABLED_SOURCES ??= '*';
}
