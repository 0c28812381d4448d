import type middy from '@middy/core';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { RequestValidationError } from '../../problems/errors.js';
import { toFieldProblems } from '../../validation/pointers.js';
import type { CompiledValidator } from '../../validation/types.js';
import type { HttpResponse } from '../responses.js';

/**
 * Validates the parsed body with a build-time compiled validator and reports every violation at
 * once. Ours rather than @middy/validator: that one validates the whole event, so its pointers
 * start at `/body` and its error keeps the details in `cause.data`.
 */
export function validateBody<T>(
  validator: CompiledValidator<T>,
): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    before: ({ event }) => {
      if (!validator(event.body))
        throw new RequestValidationError(toFieldProblems(validator.errors));
    },
  };
}
