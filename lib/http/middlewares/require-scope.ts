import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { ProblemError } from '../../problems/errors.js';
import type { HttpResponse } from '../responses.js';

/** Scope names the JWT authorizer and the handlers require (documented in the README). */
export const SCOPES = {
  write: 'sdrs-bff/protection-groups.write',
  read: 'sdrs-bff/protection-groups.read',
} as const;

/**
 * Local authentication is off only when explicitly asked for AND running under
 * serverless-offline (`IS_OFFLINE`), which a deployed Lambda never sets.
 */
export function localAuthDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.AUTH_DISABLED === 'true' && env.IS_OFFLINE === 'true';
}

/**
 * Fails closed: the API Gateway JWT authorizer verified the token, and this checks that its
 * verified claims reached us and carry `scope` — a route deployed without the authorizer answers
 * 401, not an unauthenticated create.
 */
export function requireScope(
  scope: string,
): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    before: async (request) => {
      if (localAuthDisabled()) return;
      const event = request.event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>;
      const jwt = event.requestContext?.authorizer?.jwt;
      if (!jwt?.claims || typeof jwt.claims.sub !== 'string') {
        throw new ProblemError('UNAUTHENTICATED', 'No verified JWT claims', {
          detail: 'Send a valid bearer token (Authorization: Bearer …).',
          headers: { 'www-authenticate': 'Bearer' },
        });
      }
      const granted = new Set([
        ...(jwt.scopes ?? []),
        ...String(jwt.claims.scope ?? '').split(' '),
      ]);
      if (!granted.has(scope)) {
        throw new ProblemError('FORBIDDEN', 'Missing scope', {
          detail: `The token lacks the scope ${scope}.`,
        });
      }
    },
  };
}
