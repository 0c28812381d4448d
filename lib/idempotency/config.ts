import { ConfigurationError, type Env, integer, readAll } from '../config.js';

/** How long a stored outcome answers retries: 24 h unless `IDEMPOTENCY_TTL_SECONDS` says. */
export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 86_400;
const MIN_TTL_SECONDS = 60;
const MAX_TTL_SECONDS = 30 * 86_400;
const TABLE_NAME = /^[A-Za-z0-9_.-]{3,255}$/;

/** The idempotency settings, read from the environment. */
export interface IdempotencySettings {
  /** `IDEMPOTENCY_TABLE`; undefined when unset (then a request with a key fails closed). */
  readonly tableName: string | undefined;
  /** `IDEMPOTENCY_TTL_SECONDS`: lifetime of a record, from its last write. */
  readonly ttlSeconds: number;
}

/** Reads and checks `IDEMPOTENCY_TABLE` and `IDEMPOTENCY_TTL_SECONDS`. */
export function readIdempotencySettings(env: Env = process.env): IdempotencySettings {
  return readAll<IdempotencySettings>({
    tableName: () => {
      const tableName = env.IDEMPOTENCY_TABLE?.trim() || undefined;
      if (tableName !== undefined && !TABLE_NAME.test(tableName)) {
        throw new ConfigurationError(
          'IDEMPOTENCY_TABLE must be a DynamoDB table name (3 to 255 of A-Z a-z 0-9 _ . -)',
        );
      }
      return tableName;
    },
    ttlSeconds: () =>
      integer(
        env,
        'IDEMPOTENCY_TTL_SECONDS',
        DEFAULT_IDEMPOTENCY_TTL_SECONDS,
        MIN_TTL_SECONDS,
        MAX_TTL_SECONDS,
      ),
  });
}
