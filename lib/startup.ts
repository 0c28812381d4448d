import { ConfigurationError, type Env } from './config.js';
import { readIdempotencySettings } from './idempotency/config.js';
import { logger } from './observability/logger.js';

/** Reads one part of the configuration; throws `ConfigurationError` when it is missing or bad. */
export type ConfigurationReader = (env: Env) => unknown;

/** Every problem the readers find, in order; empty when the configuration is complete. */
export function configurationProblems(
  readers: readonly ConfigurationReader[],
  env: Env = process.env,
): string[] {
  const problems: string[] = [];
  for (const read of readers) {
    try {
      read(env);
    } catch (error) {
      if (!(error instanceof ConfigurationError)) throw error;
      problems.push(...error.problems);
    }
  }
  return problems;
}

/** `IDEMPOTENCY_TABLE` is required where creates are deduplicated (create and webhook functions). */
export function requireIdempotencyTable(env: Env): void {
  if (readIdempotencySettings(env).tableName === undefined) {
    throw new ConfigurationError('IDEMPOTENCY_TABLE is not set');
  }
}

/** `PROBLEM_TYPE_BASE_URL`, when set, must be an absolute URL: every problem's `type` starts with it. */
export function checkProblemTypeBase(env: Env): void {
  const raw = env.PROBLEM_TYPE_BASE_URL?.trim();
  if (raw && !URL.canParse(raw)) {
    throw new ConfigurationError(`PROBLEM_TYPE_BASE_URL is not an absolute URL: "${raw}"`);
  }
}

/**
 * Called at module load by every handler: inside Lambda (and serverless-offline) a function whose
 * configuration is missing or malformed refuses to start, with one CRITICAL log line listing every
 * problem, instead of failing on its first request with a confusing error. Values are named, never
 * secrets: configuration holds none (credentials live in Secrets Manager).
 *
 * Outside Lambda (`AWS_LAMBDA_FUNCTION_NAME` unset: tests, benchmarks, scripts) nothing is checked
 * here, because those set the environment after importing the handler; the readers still check it
 * on first use.
 */
export function refuseToStartUnlessConfigured(
  readers: readonly ConfigurationReader[],
  env: Env = process.env,
): void {
  if (!env.AWS_LAMBDA_FUNCTION_NAME) return;
  const problems = configurationProblems([checkProblemTypeBase, ...readers], env);
  if (problems.length === 0) return;
  logger.critical('Refusing to start: the configuration is missing or malformed', {
    function: env.AWS_LAMBDA_FUNCTION_NAME,
    problems,
  });
  throw new ConfigurationError(problems, 'Refusing to start');
}
