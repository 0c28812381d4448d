import { Logger } from '@aws-lambda-powertools/logger';

/**
 * The one structured logger of the service (JSON lines, correlation id = the request id, which is
 * also the `X-Request-Id` of the response; set by the `requestContext` middleware). Events are
 * never logged whole: their headers carry JWTs and webhook signatures.
 */
export const logger = new Logger({
  serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'sdrs-bff',
});
