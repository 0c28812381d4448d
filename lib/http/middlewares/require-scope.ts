import type middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { ProblemError } from '../../problems/errors.js';
import type { HttpResponse } from '../responses.js';

/**
 * Local authentication is off only when explicitly asked for AND running under
 * serverless-offline (`IS_OFFLINE`), which a deployed Lambda never sets, AND behind `npm start`'s
 * local gateway (which then still applies CORS and the gateway's body handling).
 */
export function localAuthDisabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.AUTH_DISABLED === 'true' && env.IS_OFFLINE === 'true' && offlineClaimsTrusted(env);
}

/**
 * Under serverless-offline the claims in the event are only as good as what put them there:
 * serverless-offline itself decodes any token without verifying it. They are trusted only when
 * `npm start` runs the local gateway (which verifies every token against the issuer's JWKS and is
 * the only way in: serverless-offline then listens on private sockets, not on ports).
 */
function offlineClaimsTrusted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.IS_OFFLINE !== 'true' || env.LOCAL_GATEWAY_ONLY === 'true';
}

/** The scopes one claim lists: `scope` is space-separated, `scp` a list or a string. */
function listedScopes(value: unknown): readonly string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return typeof value === 'string' ? value.split(' ') : [];
}

/** The scopes a token grants: API Gateway reads `scope` (space-separated) or `scp` (list, string). */
export function grantedScopes(
  claims: Record<string, unknown>,
  gatewayScopes: readonly string[] = [],
): Set<string> {
  return new Set([...gatewayScopes, ...listedScopes(claims.scope), ...listedScopes(claims.scp)]);
}

/** Whether {@link grantedScopes} holds `scope`, without building the set on every request. */
function grantsScope(
  claims: Record<string, unknown>,
  gatewayScopes: readonly string[],
  scope: string,
): boolean {
  return (
    gatewayScopes.includes(scope) ||
    listedScopes(claims.scope).includes(scope) ||
    listedScopes(claims.scp).includes(scope)
  );
}

function unauthenticated(reason: string): ProblemError {
  return new ProblemError('UNAUTHENTICATED', reason, {
    detail: 'Send a valid bearer token (Authorization: Bearer …).',
    headers: { 'www-authenticate': 'Bearer' },
  });
}

/**
 * Fails closed: the API Gateway JWT authorizer verified the token, and this checks that its
 * verified claims reached us, name a caller (`sub`, never empty: it scopes Idempotency-Keys) and
 * grant `scope` — a route deployed without the authorizer answers 401, not an unauthenticated
 * create.
 */
export function requireScope(
  scope: string,
): middy.MiddlewareObj<APIGatewayProxyEventV2, HttpResponse> {
  return {
    before: (request) => {
      // Both rules need IS_OFFLINE, which a deployed Lambda never has: one environment read there.
      if (process.env.IS_OFFLINE === 'true') {
        if (localAuthDisabled()) return;
        if (!offlineClaimsTrusted()) throw unauthenticated('Unverified serverless-offline claims');
      }
      const event = request.event as Partial<APIGatewayProxyEventV2WithJWTAuthorizer>;
      const jwt = event.requestContext?.authorizer?.jwt;
      const claims = jwt?.claims as Record<string, unknown> | undefined;
      if (!claims || typeof claims.sub !== 'string' || claims.sub.trim() === '') {
        throw unauthenticated('No verified JWT claims with a subject');
      }
      if (!grantsScope(claims, jwt?.scopes ?? [], scope)) {
        throw new ProblemError('FORBIDDEN', 'Missing scope', {
          detail: `The token lacks the scope ${scope}.`,
        });
      }
    },
  };
}
