import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { RequestValidationError } from '../../problems/errors.js';
import { toFieldProblems } from '../../validation/pointers.js';
import type { CompiledValidator } from '../../validation/types.js';
import type { HttpResponse } from '../responses.js';

/**
 * Validates the query string with a build-time compiled validator (compiled with type coercion
 * and defaults) and reports every violation at once; pointers name the parameter (`#/limit`).
 * The validated, coerced copy replaces `event.queryStringParameters`, as the JSON body parser
 * replaces `event.body`. A repeated parameter arrives comma-joined from API Gateway and fails
 * any number or enum rule.
 */
export function validateQuery<T>(
  validator: CompiledValidator<T>,
): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    before: ({ event }) => {
      const query: Record<string, unknown> = { ...event.queryStringParameters };
      if (!validator(query)) {
        throw new RequestValidationError(
          toFieldProblems(validator.errors),
          'The query does not match the schema.',
        );
      }
      event.queryStringParameters = query as Record<string, string>;
    },
  };
}
