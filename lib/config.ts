/** Raised when the environment does not configure the service completely or correctly. */
export class ConfigurationError extends Error {
  /** Every problem found, one sentence each naming its variable. */
  readonly problems: readonly string[];

  /** `context`, when given, leads the message: `<context>: <problem>; <problem>`. */
  constructor(problems: string | readonly string[], context?: string) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(context ? `${context}: ${list.join('; ')}` : list.join('; '));
    this.name = 'ConfigurationError';
    this.problems = list;
  }
}

/**
 * Reads every field, and throws one `ConfigurationError` holding all their problems: whoever fixes
 * the configuration sees everything that is wrong at once, not one variable per deploy.
 */
export function readAll<T extends object>(readers: { readonly [K in keyof T]: () => T[K] }): T {
  const problems: string[] = [];
  const result: Partial<T> = {};
  for (const key of Object.keys(readers) as Array<keyof T>) {
    try {
      result[key] = readers[key]();
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return result as T;
}

/** The upstream settings, read once per container from the environment (README, *Configuration*). */
export interface UpstreamConfig {
  readonly endpoint: URL;
  readonly projectId: string;
  readonly timeoutMs: number;
  /**
   * Attempts per call in all, the first included (`SDRS_MAX_RETRIES` + 1): a call SDRS provably
   * did not act on (refused, 429, 503) is resent until they are used up.
   */
  readonly maxAttempts: number;
  /** The longest `Retry-After` waited out inside one call (`SDRS_MAX_RETRY_WAIT_MS`); longer ones go back to the caller. */
  readonly maxRetryAfterMs: number;
  /**
   * Upper bound for one whole call — every attempt, backoff, `Retry-After` wait and credential
   * refresh — so that all attempts fit inside the function timeout (20 s behind API Gateway's
   * 30 s) and the caller gets our problem+json rather than a bare gateway error. Time spent
   * waiting for a rate-limiter slot (`beforeAttempt`) is not counted.
   */
  readonly callBudgetMs: number;
}

export interface SecretConfig {
  readonly secretId: string | undefined;
  readonly secretFile: string | undefined;
  readonly maxAgeMs: number;
}

/** The environment, or any other name → value map with the same meaning. */
export type Env = Readonly<Record<string, string | undefined>>;

function required(env: Env, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new ConfigurationError(`${name} is not set`);
  return value;
}

/** Reads an integer setting in `min..max`, `fallback` when unset; throws naming the variable. */
export function integer(
  env: Env,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigurationError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** Reads and checks the upstream settings; throws `ConfigurationError` naming the bad variable. */
export function readUpstreamConfig(env: Env = process.env): UpstreamConfig {
  return readAll<UpstreamConfig>({
    endpoint: () => {
      const raw = required(env, 'SDRS_ENDPOINT');
      let endpoint: URL;
      try {
        endpoint = new URL(raw);
      } catch {
        throw new ConfigurationError(`SDRS_ENDPOINT is not a URL: "${raw}"`);
      }
      if (endpoint.protocol !== 'https:' && endpoint.protocol !== 'http:') {
        throw new ConfigurationError('SDRS_ENDPOINT must be an http(s) URL');
      }
      return endpoint;
    },
    projectId: () => {
      const projectId = required(env, 'SDRS_PROJECT_ID');
      if (!/^[A-Za-z0-9_-]{1,64}$/.test(projectId)) {
        throw new ConfigurationError('SDRS_PROJECT_ID must be letters, digits, "_" or "-"');
      }
      return projectId;
    },
    timeoutMs: () => integer(env, 'SDRS_TIMEOUT_MS', 10_000, 100, 120_000),
    // The variable counts resends (the caller's retries of us are another matter); we count attempts.
    maxAttempts: () => integer(env, 'SDRS_MAX_RETRIES', 2, 0, 10) + 1,
    maxRetryAfterMs: () => integer(env, 'SDRS_MAX_RETRY_WAIT_MS', 2_000, 0, 60_000),
    callBudgetMs: () => integer(env, 'SDRS_CALL_BUDGET_MS', 15_000, 1_000, 300_000),
  });
}

/** Reads where the credentials secret lives: Secrets Manager when `SDRS_SECRET_ID` is set. */
export function readSecretConfig(env: Env = process.env): SecretConfig {
  return readAll<SecretConfig>({
    secretId: () => {
      const secretId = env.SDRS_SECRET_ID?.trim() || undefined;
      if (!secretId && !env.SDRS_SECRET_FILE?.trim()) {
        throw new ConfigurationError('Set SDRS_SECRET_ID (Secrets Manager) or SDRS_SECRET_FILE');
      }
      return secretId;
    },
    secretFile: () => env.SDRS_SECRET_FILE?.trim() || undefined,
    maxAgeMs: () => integer(env, 'SDRS_SECRET_MAX_AGE_SECONDS', 300, 0, 86_400) * 1000,
  });
}
