import { readSecretConfig, readUpstreamConfig } from './config.js';
import { credentialsFromEnv } from './credentials/from-env.js';
import { logger } from './observability/logger.js';
import { SdrsClient } from './upstream/sdrs-client.js';

/** Builds an SDRS client from the environment, logging one line per upstream attempt. */
export function sdrsClientFromEnv(env: NodeJS.ProcessEnv = process.env): SdrsClient {
  return new SdrsClient({
    config: readUpstreamConfig(env),
    credentials: credentialsFromEnv(env),
    onCall: (call) => logger.info('upstream call', { upstream: call }),
  });
}

/**
 * The settings `sdrsClient()` is built from, listed once: every handler that uses the client
 * checks them at startup (`refuseToStartUnlessConfigured`).
 */
export const SDRS_CLIENT_SETTINGS = [readUpstreamConfig, readSecretConfig] as const;

let client: SdrsClient | undefined;

/**
 * The container's SDRS client, built on first use and then reused by every invocation (its
 * credentials cache and keep-alive connections live as long as the container). A configuration
 * error is not cached, so it is reported on every request until fixed.
 */
export function sdrsClient(): SdrsClient {
  client ??= sdrsClientFromEnv();
  return client;
}

/** Forgets the container's client so the next call reads the environment again (tests only). */
export function resetDependencies(): void {
  client = undefined;
}
