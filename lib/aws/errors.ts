/**
 * An AWS service answered with an error (`__type`, e.g. `ConditionalCheckFailedException`). The
 * `name` is that type without its namespace, as the AWS SDK names its exceptions, so code and log
 * searches written for the SDK keep working. The message is the service's own; it never holds a
 * secret value (a secret read that fails has no value to show).
 */
export class AwsServiceError extends Error {
  /** The HTTP status of the answer. */
  readonly statusCode: number;
  /** The rest of the error body (e.g. `Item` of a failed conditional write with `ALL_OLD`). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    name: string,
    message: string,
    statusCode: number,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = name;
    this.statusCode = statusCode;
    this.details = details;
  }
}

/**
 * A request to an AWS service got no answer: no connection within the connect timeout, no
 * complete answer within the request timeout (`name` `TimeoutError`, as the SDK names it), or a
 * broken connection (`code` is Node's, e.g. `ECONNREFUSED`).
 */
export class AwsRequestError extends Error {
  readonly code: string | undefined;

  constructor(message: string, options: { name?: string; code?: string; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = options.name ?? 'AwsRequestError';
    this.code = options.code;
  }
}

/** Settings missing to reach AWS at all (no region, no credentials in the environment). */
export class AwsSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AwsSettingsError';
  }
}
